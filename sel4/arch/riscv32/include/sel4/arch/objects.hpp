// riscv32 blueprints: 4 KiB and 4 MiB frames, page tables; a VSpace root is a page table.
#pragma once

#include <cstdint>

#include <sel4/object.hpp>

namespace sel4::object {
// A 4 KiB page.
struct Page : Fixed<tag::Page, seL4_RISCV_4K_Page, seL4_PageBits> {};
// A megapage (4 MiB under Sv32).
struct LargePage : Fixed<tag::Page, seL4_RISCV_Mega_Page, seL4_LargePageBits> {};
// A page table.
struct PageTable : Fixed<tag::PageTable, seL4_RISCV_PageTableObject, seL4_PageTableBits> {};
// The root page table of a vspace.
struct VSpace : Fixed<tag::VSpace, seL4_RISCV_PageTableObject, seL4_PageTableBits> {};
} // namespace sel4::object

namespace sel4::arch {
// Where sel4::Env maps the pages it hands out: above the image, below the kernel's window
// (user space ends at 2 GiB here).
inline constexpr std::uintptr_t mapping_window = 0x40000000;
} // namespace sel4::arch
