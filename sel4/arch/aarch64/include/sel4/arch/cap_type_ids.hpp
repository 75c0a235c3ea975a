// aarch64 cap tags (the kernel's 64-bit ARM structures): frames, tables, VSpace, ASID pool, VCPU.
#pragma once
#include <sel4/cap_type_ids.hpp>

namespace sel4 {
namespace tag {
struct Vcpu;
} // namespace tag
// clang-format off
// The kernel's cap tags of these capability types.
template <> inline constexpr int cap_type_id<tag::Page> = 1;
template <> inline constexpr int cap_type_id<tag::PageTable> = 3;
template <> inline constexpr int cap_type_id<tag::VSpace> = 9;
template <> inline constexpr int cap_type_id<tag::AsidPool> = 13;
template <> inline constexpr int cap_type_id<tag::Vcpu> = 15;
// clang-format on
} // namespace sel4
