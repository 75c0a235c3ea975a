// aarch32 cap tags (the kernel's 32-bit ARM structures): page tables, the page directory (the
// VSpace root), ASID control and pools, VCPUs (8-bit tag).
#pragma once
#include <sel4/cap_type_ids.hpp>

namespace sel4 {
namespace tag {
struct PageTable;
struct AsidControl;
struct AsidPool;
struct Vcpu;
} // namespace tag
template <>
struct CapTypeId<tag::PageTable> {
    static constexpr int value = 7;
};
template <>
struct CapTypeId<tag::VSpace> {
    static constexpr int value = 9;
};
template <>
struct CapTypeId<tag::AsidControl> {
    static constexpr int value = 11;
};
template <>
struct CapTypeId<tag::AsidPool> {
    static constexpr int value = 5;
};
template <>
struct CapTypeId<tag::Vcpu> {
    static constexpr int value = 0x0f;
};
} // namespace sel4
