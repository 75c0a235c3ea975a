// RISC-V paging (Sv39: three levels, Sv32: two): 4 KiB pages; every missing level is a
// PageTable object, and the vspace root is itself a PageTable.
#pragma once
#include <sel4/sel4.hpp>

namespace sel4::arch {

// The object type of a 4 KiB page.
inline constexpr seL4_Word small_page_object = seL4_RISCV_4K_Page;

// After a page mapping failed with Error::failed_lookup: the table the vspace lacks.
inline seL4_Word missing_table_object() {
    return seL4_RISCV_PageTableObject;
}

// Maps table (of object type type) into vspace to cover vaddr.
inline Result<void> map_table(seL4_Word, seL4_CPtr table, cap::VSpace vspace, seL4_Word vaddr) {
    return cap::PageTable(table).map(vspace, vaddr, seL4_RISCV_Default_VMAttributes);
}

// Maps frame, read-write, into vspace at vaddr.
inline Result<void> map_page(seL4_CPtr frame, cap::VSpace vspace, seL4_Word vaddr) {
    return cap::Page(frame).map(vspace, vaddr, seL4_ReadWrite, seL4_RISCV_Default_VMAttributes);
}

} // namespace sel4::arch
