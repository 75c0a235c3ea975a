// aarch64 blueprints: 4 KiB and 2 MiB frames, page tables, the VSpace root, VCPUs (hypervisor
// kernels).
#pragma once

#include <cstdint>

#include <sel4/object.hpp>

namespace sel4::object {
// The architecture's frames, tables and VSpace root.
struct Page : Fixed<tag::Page, seL4_ARM_SmallPageObject, seL4_PageBits> {};
struct LargePage : Fixed<tag::Page, seL4_ARM_LargePageObject, seL4_LargePageBits> {};
struct PageTable : Fixed<tag::PageTable, seL4_ARM_PageTableObject, seL4_PageTableBits> {};
struct VSpace : Fixed<tag::VSpace, seL4_ARM_VSpaceObject, seL4_VSpaceBits> {};
#ifdef CONFIG_ARM_HYPERVISOR_SUPPORT
struct Vcpu : Fixed<tag::Vcpu, seL4_ARM_VCPUObject, seL4_VCPUBits> {};
#endif
} // namespace sel4::object

namespace sel4::arch {
// Where sel4::Env maps the pages it hands out: far above the image, below 48-bit (and a hypervisor
// kernel's 40-bit) user space.
inline constexpr std::uintptr_t mapping_window = 0x2000000000;
} // namespace sel4::arch
