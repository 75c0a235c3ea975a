// aarch32 cap tags (the kernel's 32-bit ARM structures). Frames have two tags (small and
// other sizes), so cap::Page casts are not checked here.
#pragma once
#include <sel4/cap_type_ids.hpp>

namespace sel4 {
namespace tag {
struct Vcpu;
} // namespace tag
// clang-format off
// The kernel's cap tags of these capability types.
template <> inline constexpr int cap_type_id<tag::AsidPool> = 5;
template <> inline constexpr int cap_type_id<tag::PageTable> = 7;
template <> inline constexpr int cap_type_id<tag::VSpace> = 9; // the page directory
template <> inline constexpr int cap_type_id<tag::Vcpu> = 0x0f;
// clang-format on
} // namespace sel4
