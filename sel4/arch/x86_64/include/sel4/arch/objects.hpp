// x86_64 blueprints: 4 KiB and 2 MiB frames, the three levels of tables below a PML4, and the
// PML4 as the VSpace root.
#pragma once

#include <cstdint>

#include <sel4/object.hpp>

namespace sel4::object {
// The architecture's frames, tables and VSpace root.
struct Page : Fixed<tag::Page, seL4_X86_4K, seL4_PageBits> {};
struct LargePage : Fixed<tag::Page, seL4_X86_LargePageObject, seL4_LargePageBits> {};
struct PageTable : Fixed<tag::PageTable, seL4_X86_PageTableObject, seL4_PageTableBits> {};
struct PageDirectory : Fixed<tag::PageDirectory, seL4_X86_PageDirectoryObject, seL4_PageDirBits> {};
struct Pdpt : Fixed<tag::Pdpt, seL4_X86_PDPTObject, seL4_PDPTBits> {};
struct VSpace : Fixed<tag::VSpace, seL4_X64_PML4Object, seL4_PML4Bits> {};
} // namespace sel4::object

namespace sel4::arch {
// Where sel4::Env maps the pages it hands out: far above the image, below 47-bit user space.
inline constexpr std::uintptr_t mapping_window = 0x2000000000;
} // namespace sel4::arch
