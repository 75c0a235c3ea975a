// riscv32 cap tags: page tables (a VSpace root is one), ASID control and pools.
#pragma once
#include <sel4/cap_type_ids.hpp>

namespace sel4 {
namespace tag {
struct PageTable;
struct AsidControl;
struct AsidPool;
} // namespace tag
template <>
struct CapTypeId<tag::PageTable> {
    static constexpr int value = 3;
};
template <>
struct CapTypeId<tag::VSpace> {
    static constexpr int value = 3;
};
template <>
struct CapTypeId<tag::AsidControl> {
    static constexpr int value = 11;
};
template <>
struct CapTypeId<tag::AsidPool> {
    static constexpr int value = 13;
};
} // namespace sel4
