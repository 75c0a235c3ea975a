// x86_64 cap tags: the three table levels, the PML4 (the VSpace root), ASIDs, I/O ports.
#pragma once
#include <sel4/cap_type_ids.hpp>

namespace sel4 {
namespace tag {
struct PageTable;
struct PageDirectory;
struct Pdpt;
struct AsidControl;
struct AsidPool;
struct IoPort;
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
struct CapTypeId<tag::PageDirectory> {
    static constexpr int value = 5;
};
template <>
struct CapTypeId<tag::Pdpt> {
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
    static constexpr int value = 13;
};
template <>
struct CapTypeId<tag::IoPort> {
    static constexpr int value = 19;
};
} // namespace sel4
