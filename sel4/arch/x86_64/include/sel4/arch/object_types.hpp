// x86_64 kernel objects.
#pragma once
#include <sel4/object_kind.hpp>

namespace sel4::arch {
// The architecture's object kinds, for code that goes through every kind.
inline constexpr object::Kind object_types[] = {
    {seL4_X86_4K, 0, "4 KiB page"},
    {seL4_X86_LargePageObject, 0, "2 MiB page"},
    {seL4_X86_PageTableObject, 0, "page table"},
    {seL4_X86_PageDirectoryObject, 0, "page directory"},
    {seL4_X86_PDPTObject, 0, "PDPT"},
    {seL4_X64_PML4Object, 0, "PML4"},
};
} // namespace sel4::arch
