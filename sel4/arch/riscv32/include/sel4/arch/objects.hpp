// riscv32 blueprints: 4 KiB and 2 MiB frames, page tables; a VSpace root is a page table.
#pragma once

#include <sel4/object.hpp>

namespace sel4::object {
struct Page : Fixed<tag::Page, seL4_RISCV_4K_Page, seL4_PageBits> {};
struct LargePage : Fixed<tag::Page, seL4_RISCV_Mega_Page, seL4_LargePageBits> {};
struct PageTable : Fixed<tag::PageTable, seL4_RISCV_PageTableObject, seL4_PageTableBits> {};
struct VSpace : Fixed<tag::VSpace, seL4_RISCV_PageTableObject, seL4_PageTableBits> {};
} // namespace sel4::object
