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

// clang-format off
// The kernel's cap tags of these capability types.
template <> inline constexpr int cap_type_id<tag::Untyped> = 2;
template <> inline constexpr int cap_type_id<tag::Endpoint> = 4;
template <> inline constexpr int cap_type_id<tag::Notification> = 6;
template <> inline constexpr int cap_type_id<tag::Reply> = 8;
template <> inline constexpr int cap_type_id<tag::CNode> = 10;
template <> inline constexpr int cap_type_id<tag::Tcb> = 12;
// clang-format on

} // namespace sel4

#include <sel4/arch/cap_type_ids.hpp>
