// riscv32 kernel objects (Sv32: 4 MiB megapages).
#pragma once
#include <sel4/object_kind.hpp>

namespace sel4::arch {
// The architecture's object kinds, for code that goes through every kind.
inline constexpr object::Kind object_types[] = {
    {seL4_RISCV_4K_Page, 0, "4 KiB page"},
    {seL4_RISCV_Mega_Page, 0, "4 MiB page"},
    {seL4_RISCV_PageTableObject, 0, "page table"},
};
} // namespace sel4::arch
