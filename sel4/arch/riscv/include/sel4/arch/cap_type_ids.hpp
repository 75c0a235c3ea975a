// RISC-V cap tags: frames, page tables (a VSpace root is one), ASID pools.
#pragma once
#include <sel4/cap_type_ids.hpp>

namespace sel4 {
// clang-format off
// The kernel's cap tags of these capability types.
template <> inline constexpr int cap_type_id<tag::Page> = 1;
template <> inline constexpr int cap_type_id<tag::PageTable> = 3;
template <> inline constexpr int cap_type_id<tag::VSpace> = 3;
template <> inline constexpr int cap_type_id<tag::AsidPool> = 13;
// clang-format on
} // namespace sel4
