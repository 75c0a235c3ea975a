// Mapping frames into an address space, with whatever page tables the architecture needs on
// the way (arch/<arch>/include/sel4/arch/paging.hpp says which).
#pragma once

#include <sel4/arch/paging.hpp>
#include <sel4/sel4.hpp>

namespace sel4 {

// Maps frame at vaddr (read-write) in vspace. Missing page tables are retyped from untyped into
// slots of the initial thread's CNode that next_slot() hands out.
template <class SlotAllocator>
Result<void> map_page_with_tables(cap::VSpace vspace, seL4_CPtr frame, seL4_Word vaddr,
                                  cap::Untyped untyped, SlotAllocator&& next_slot) {
    for (int level = 0; level < 4; ++level) {
        auto mapped = arch::map_page(frame, vspace, vaddr);
        if (mapped.error() != Error::failed_lookup) return mapped;
        const auto type = arch::missing_table_object();
        const seL4_CPtr slot = next_slot();
        if (auto made = untyped.retype(type, 0, init_thread::cnode, 0, 0, slot, 1); !made)
            return made;
        if (auto table = arch::map_table(type, slot, vspace, vaddr); !table) return table;
    }
    return Error::failed_lookup;
}

} // namespace sel4
