// The kernel's numbers for kinds of capabilities (its cap tags, which seL4_DebugCapIdentify
// returns), for Cap::cast's debug check: the portable ones here, the architecture's in
// sel4/arch/cap_type_ids.hpp.
#pragma once

#include <sel4/cap.hpp>
#include <sel4/objects.hpp>

namespace sel4 {

namespace detail {
// The kernel caps numbered from IrqControl (14) on have 5-bit tags on 64-bit kernels and 8-bit
// tags ending in 0xe on 32-bit ones (0x0e, 0x1e, 0x2e, ...).
constexpr int kernel_cap_id(int id64) {
    return sizeof(seL4_Word) == 8 ? id64 : 0x0e + (id64 - 14) / 2 * 0x10;
}
} // namespace detail

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
template <>
struct CapTypeId<tag::IrqControl> {
    static constexpr int value = detail::kernel_cap_id(14);
};
template <>
struct CapTypeId<tag::IrqHandler> {
    static constexpr int value = detail::kernel_cap_id(16);
};
template <>
struct CapTypeId<tag::DomainSet> {
    static constexpr int value = detail::kernel_cap_id(20);
};
template <>
struct CapTypeId<tag::SchedContext> {
    static constexpr int value = detail::kernel_cap_id(22);
};
template <>
struct CapTypeId<tag::SchedControl> {
    static constexpr int value = detail::kernel_cap_id(24);
};
template <>
struct CapTypeId<tag::Page> {
#ifdef CONFIG_ARCH_AARCH32 // small frames are 1 there, larger ones 3: not checked
    static constexpr int value = -1;
#else
    static constexpr int value = 1;
#endif
};

} // namespace sel4

#include <sel4/arch/cap_type_ids.hpp>
