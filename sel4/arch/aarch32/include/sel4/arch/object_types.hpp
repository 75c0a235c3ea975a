// aarch32 kernel objects: the page directory is the vspace root; sections (1 MiB) and
// supersections (16 MiB) are pages too.
#pragma once
#include <sel4/object_kind.hpp>

namespace sel4::arch {
// The architecture's object kinds, for code that goes through every kind.
inline constexpr object::Kind object_types[] = {
    {seL4_ARM_SmallPageObject, 0, "4 KiB page"},
    {seL4_ARM_LargePageObject, 0, "64 KiB page"},
    {seL4_ARM_SectionObject, 0, "1 MiB section"},
    {seL4_ARM_PageTableObject, 0, "page table"},
    {seL4_ARM_PageDirectoryObject, 0, "page directory (vspace)"},
#ifdef CONFIG_ARM_HYPERVISOR_SUPPORT
    {seL4_ARM_VCPUObject, 0, "vcpu"},
#endif
};
} // namespace sel4::arch
