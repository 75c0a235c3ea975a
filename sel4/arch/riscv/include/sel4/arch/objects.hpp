// RISC-V blueprints: 4 KiB frames, megapages (2 MiB under Sv39, 4 MiB under Sv32), page tables;
// a VSpace root is a page table.
#pragma once

#include <cstdint>

#include <sel4/object.hpp>

namespace sel4::object {
// The architecture's frames, tables and VSpace root.
struct Page : Fixed<tag::Page, seL4_RISCV_4K_Page, seL4_PageBits> {};
struct LargePage : Fixed<tag::Page, seL4_RISCV_Mega_Page, seL4_LargePageBits> {};
struct PageTable : Fixed<tag::PageTable, seL4_RISCV_PageTableObject, seL4_PageTableBits> {};
struct VSpace : Fixed<tag::VSpace, seL4_RISCV_PageTableObject, seL4_PageTableBits> {};
} // namespace sel4::object

namespace sel4::arch {
// Where sel4::Env maps the pages it hands out: far above the image, below Sv39's 256 GiB of user
// space (riscv64); on riscv32 above the image, below the kernel's window (user space ends at
// 2 GiB there).
inline constexpr std::uintptr_t mapping_window = sizeof(void*) == 8 ? 0x2000000000 : 0x40000000;
} // namespace sel4::arch
