// RISC-V kernel objects (megapages: 2 MiB under Sv39, 4 MiB under Sv32).
#pragma once
#include <sel4/object_kind.hpp>

namespace sel4::arch {
// The architecture's object kinds, for code that goes through every kind.
inline constexpr object::Kind object_types[] = {
    {seL4_RISCV_4K_Page, 0, "4 KiB page"},
    {seL4_RISCV_Mega_Page, 0, seL4_LargePageBits == 22 ? "4 MiB page" : "2 MiB page"},
    {seL4_RISCV_PageTableObject, 0, "page table"},
};
} // namespace sel4::arch
