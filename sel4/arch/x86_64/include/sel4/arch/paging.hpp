// x86_64 paging: 4 KiB pages under a PML4; the missing level (PDPT, page directory or page
// table) is the one the kernel reports after a failed lookup.
#pragma once
#include <sel4/sel4.hpp>

extern "C" {
#include <sel4/sel4_arch/mapping.h> // seL4_MappingFailedLookupLevel
}

namespace sel4::arch {

// The object type of a 4 KiB page.
inline constexpr seL4_Word small_page_object = seL4_X86_4K;

// After a page mapping failed with Error::failed_lookup: the table the vspace lacks.
inline seL4_Word missing_table_object() {
    switch (seL4_MappingFailedLookupLevel()) {
    case 39:
        return seL4_X86_PDPTObject;
    case 30:
        return seL4_X86_PageDirectoryObject;
    default:
        return seL4_X86_PageTableObject;
    }
}

// Maps table (of object type type) into vspace to cover vaddr.
inline Result<void> map_table(seL4_Word type, seL4_CPtr table, cap::VSpace vspace,
                              seL4_Word vaddr) {
    switch (type) {
    case seL4_X86_PDPTObject:
        return cap::Pdpt(table).map(vspace, vaddr, seL4_X86_Default_VMAttributes);
    case seL4_X86_PageDirectoryObject:
        return cap::PageDirectory(table).map(vspace, vaddr, seL4_X86_Default_VMAttributes);
    default:
        return cap::PageTable(table).map(vspace, vaddr, seL4_X86_Default_VMAttributes);
    }
}

// Maps frame, read-write, into vspace at vaddr.
inline Result<void> map_page(seL4_CPtr frame, cap::VSpace vspace, seL4_Word vaddr) {
    return cap::Page(frame).map(vspace, vaddr, seL4_ReadWrite, seL4_X86_Default_VMAttributes);
}

} // namespace sel4::arch
