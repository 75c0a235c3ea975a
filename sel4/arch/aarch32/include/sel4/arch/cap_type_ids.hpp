// aarch32 cap tags (the kernel's 32-bit ARM structures). Frames have two tags (small and
// other sizes), so cap::Page casts are not checked here.
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
struct CapTypeId<tag::IrqControl> {
    static constexpr int value = 0x0e;
};
template <>
struct CapTypeId<tag::IrqHandler> {
    static constexpr int value = 0x1e;
};
template <>
struct CapTypeId<tag::DomainSet> {
    static constexpr int value = 0x3e;
};
template <>
struct CapTypeId<tag::SchedContext> {
    static constexpr int value = 0x4e;
};
template <>
struct CapTypeId<tag::SchedControl> {
    static constexpr int value = 0x5e;
};
template <>
struct CapTypeId<tag::AsidPool> {
    static constexpr int value = 5;
};
template <>
struct CapTypeId<tag::PageTable> {
    static constexpr int value = 7;
};
template <>
struct CapTypeId<tag::VSpace> { // the page directory
    static constexpr int value = 9;
};
template <>
struct CapTypeId<tag::AsidControl> {
    static constexpr int value = 11;
};
template <>
struct CapTypeId<tag::Vcpu> {
    static constexpr int value = 0x0f;
};
} // namespace sel4
