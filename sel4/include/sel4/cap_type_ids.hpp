// The kernel's numbers for kinds of capabilities (its cap tags, which seL4_DebugCapIdentify
// returns), for Cap::cast's debug check: those every architecture numbers alike here, the
// others in sel4/arch/cap_type_ids.hpp.
#pragma once

#include <sel4/cap.hpp>
#include <sel4/objects.hpp>

namespace sel4 {

namespace tag {
struct Untyped;
struct Endpoint;
struct Notification;
struct CNode;
struct Tcb;
struct IrqControl;
struct IrqHandler;
struct DomainSet;
} // namespace tag

template <>
struct CapTypeId<tag::Untyped> {
    static constexpr int value = 2;
};
template <>
struct CapTypeId<tag::Endpoint> {
    static constexpr int value = 4;
};
template <>
struct CapTypeId<tag::Notification> {
    static constexpr int value = 6;
};
template <>
struct CapTypeId<tag::Reply> {
    static constexpr int value = 8;
};
template <>
struct CapTypeId<tag::CNode> {
    static constexpr int value = 10;
};
template <>
struct CapTypeId<tag::Tcb> {
    static constexpr int value = 12;
};

} // namespace sel4

#include <sel4/arch/cap_type_ids.hpp>
