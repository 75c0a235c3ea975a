// riscv32 cap tags: page tables (a VSpace root is one), ASID control and pools; the kernel caps
// from IrqControl on have 8-bit tags ending in 0xe on 32-bit kernels.
#pragma once
#include <sel4/cap_type_ids.hpp>

namespace sel4 {
namespace tag {
struct PageTable;
struct AsidControl;
struct AsidPool;
} // namespace tag
// clang-format off
// The kernel's cap tags of these capability types.
template <> inline constexpr int cap_type_id<tag::IrqControl> = 0x0e;
template <> inline constexpr int cap_type_id<tag::IrqHandler> = 0x1e;
template <> inline constexpr int cap_type_id<tag::DomainSet> = 0x3e;
template <> inline constexpr int cap_type_id<tag::SchedContext> = 0x4e;
template <> inline constexpr int cap_type_id<tag::SchedControl> = 0x5e;
template <> inline constexpr int cap_type_id<tag::Page> = 1;
template <> inline constexpr int cap_type_id<tag::PageTable> = 3;
template <> inline constexpr int cap_type_id<tag::VSpace> = 3;
template <> inline constexpr int cap_type_id<tag::AsidControl> = 11;
template <> inline constexpr int cap_type_id<tag::AsidPool> = 13;
// clang-format on
} // namespace sel4
