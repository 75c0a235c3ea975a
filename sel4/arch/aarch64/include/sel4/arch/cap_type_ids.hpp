// aarch64 cap tags (the kernel's 64-bit ARM structures): tables, VSpace, ASID pool, VCPU.
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
    static constexpr int value = 14;
};
template <>
struct CapTypeId<tag::IrqHandler> {
    static constexpr int value = 16;
};
template <>
struct CapTypeId<tag::DomainSet> {
    static constexpr int value = 20;
};
template <>
struct CapTypeId<tag::SchedContext> {
    static constexpr int value = 22;
};
template <>
struct CapTypeId<tag::SchedControl> {
    static constexpr int value = 24;
};
template <>
struct CapTypeId<tag::Page> {
    static constexpr int value = 1;
};
template <>
struct CapTypeId<tag::PageTable> {
    static constexpr int value = 3;
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
    static constexpr int value = 13;
};
template <>
struct CapTypeId<tag::Vcpu> {
    static constexpr int value = 15;
};
} // namespace sel4
