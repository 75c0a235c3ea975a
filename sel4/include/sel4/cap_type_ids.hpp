// The kernel's numbers for kinds of capabilities (its cap tags, which seL4_DebugCapIdentify
// returns), for Cap::cast's debug check: those every architecture numbers alike here (some
// by word size), the others in sel4/arch/cap_type_ids.hpp.
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
struct PageTable;
struct AsidControl;
struct AsidPool;
} // namespace tag

// clang-format off
// The kernel's cap tags of these capability types.
template <> inline constexpr int cap_type_id<tag::Untyped> = 2;
template <> inline constexpr int cap_type_id<tag::Endpoint> = 4;
template <> inline constexpr int cap_type_id<tag::Notification> = 6;
template <> inline constexpr int cap_type_id<tag::Reply> = 8;
template <> inline constexpr int cap_type_id<tag::CNode> = 10;
template <> inline constexpr int cap_type_id<tag::AsidControl> = 11;
template <> inline constexpr int cap_type_id<tag::Tcb> = 12;
// clang-format on

namespace detail {
// The kernel caps from IrqControl on: 64-bit kernels number them on, 32-bit kernels give them
// 8-bit tags ending in 0xe.
inline constexpr bool wide_cap_tags = sizeof(seL4_Word) == 8;
} // namespace detail

// clang-format off
// The kernel's cap tags of these capability types.
template <> inline constexpr int cap_type_id<tag::IrqControl> = detail::wide_cap_tags ? 14 : 0x0e;
template <> inline constexpr int cap_type_id<tag::IrqHandler> = detail::wide_cap_tags ? 16 : 0x1e;
template <> inline constexpr int cap_type_id<tag::DomainSet> = detail::wide_cap_tags ? 20 : 0x3e;
template <> inline constexpr int cap_type_id<tag::SchedContext> = detail::wide_cap_tags ? 22 : 0x4e;
template <> inline constexpr int cap_type_id<tag::SchedControl> = detail::wide_cap_tags ? 24 : 0x5e;
// clang-format on

} // namespace sel4

#include <sel4/arch/cap_type_ids.hpp>
