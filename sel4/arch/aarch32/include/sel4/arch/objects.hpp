// aarch32 blueprints: 4 KiB and 64 KiB frames, 1 MiB sections, page tables, and the page
// directory as the VSpace root.
#pragma once

#include <cstdint>

#include <sel4/object.hpp>

namespace sel4::object {
// The architecture's frames, tables and VSpace root.
struct Page : Fixed<tag::Page, seL4_ARM_SmallPageObject, seL4_PageBits> {};
struct LargePage : Fixed<tag::Page, seL4_ARM_LargePageObject, seL4_LargePageBits> {};
struct Section : Fixed<tag::Page, seL4_ARM_SectionObject, seL4_SectionBits> {};
struct PageTable : Fixed<tag::PageTable, seL4_ARM_PageTableObject, seL4_PageTableBits> {};
struct VSpace : Fixed<tag::VSpace, seL4_ARM_PageDirectoryObject, seL4_PageDirBits> {};
} // namespace sel4::object

namespace sel4::arch {
// Where sel4::Env maps the pages it hands out: above the image, below the kernel's window at
// 0xe0000000.
inline constexpr std::uintptr_t mapping_window = 0x60000000;
} // namespace sel4::arch
