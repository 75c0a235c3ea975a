// aarch32 blueprints: 4 KiB and 64 KiB pages, 1 MiB sections, page tables, the page directory
// (the VSpace root), VCPUs (hypervisor kernels).
#pragma once

#include <sel4/object.hpp>

namespace sel4::object {
// A 4 KiB page.
struct Page : Fixed<tag::Page, seL4_ARM_SmallPageObject, seL4_PageBits> {};
// A 64 KiB page.
struct LargePage : Fixed<tag::Page, seL4_ARM_LargePageObject, seL4_LargePageBits> {};
// A 1 MiB section.
struct Section : Fixed<tag::Page, seL4_ARM_SectionObject, seL4_SectionBits> {};
// A second-level page table.
struct PageTable : Fixed<tag::PageTable, seL4_ARM_PageTableObject, seL4_PageTableBits> {};
// The page directory, root of a vspace.
struct VSpace : Fixed<tag::VSpace, seL4_ARM_PageDirectoryObject, seL4_PageDirBits> {};
#ifdef CONFIG_ARM_HYPERVISOR_SUPPORT
// A virtual CPU.
struct Vcpu : Fixed<tag::Vcpu, seL4_ARM_VCPUObject, seL4_VCPUBits> {};
#endif
} // namespace sel4::object
