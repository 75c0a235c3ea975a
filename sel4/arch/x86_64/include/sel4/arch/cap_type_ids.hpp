// x86_64 cap tags: the three table levels, the PML4 (the VSpace root), ASID pools, I/O ports.
#pragma once
#include <sel4/cap_type_ids.hpp>

namespace sel4 {
namespace tag {
struct PageDirectory;
struct Pdpt;
struct IoPort;
} // namespace tag
// clang-format off
// The kernel's cap tags of these capability types.
template <> inline constexpr int cap_type_id<tag::Page> = 1;
template <> inline constexpr int cap_type_id<tag::PageTable> = 3;
template <> inline constexpr int cap_type_id<tag::PageDirectory> = 5;
template <> inline constexpr int cap_type_id<tag::Pdpt> = 7;
template <> inline constexpr int cap_type_id<tag::VSpace> = 9;
template <> inline constexpr int cap_type_id<tag::AsidPool> = 13;
template <> inline constexpr int cap_type_id<tag::IoPort> = 19;
// clang-format on
} // namespace sel4
