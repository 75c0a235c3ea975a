// A heap from the boot info's untyped memory: large pages retyped and mapped above the image,
// so that its size is bounded by RAM, not by the image or the initial CNode's slots.
#include <sel4/bootinfo.hpp>
#include <sel4/paging.hpp>
#include <sel4/root_task.hpp>
#include <sel4/runtime/heap.hpp>
#include <sel4/runtime/message.hpp>

#include "large_page.hpp"

extern "C" char _end[]; // the end of the image (the linker's)

namespace sel4::root_task::detail {
namespace {

// The heap's alignment and distance from the image: a gigabyte, or on 32-bit architectures a
// quarter (riscv32's user space ends at 2 GiB; sel4::Env maps from 1 GiB there).
constexpr std::uintptr_t gib = sizeof(std::uintptr_t) == 8 ? std::uintptr_t{1} << 30
                                                           : std::uintptr_t{1} << 28;
constexpr std::size_t page_size = std::size_t{1} << seL4_LargePageBits;

[[noreturn]] void fail(const char* what, std::size_t mapped, std::size_t wanted) {
    runtime::Message<> message;
    message << "untyped heap: " << what << " after " << (mapped >> 20) << " of " << (wanted >> 20)
            << " MiB";
    runtime::fatal(message.view());
}

} // namespace

void add_untyped_heap(const seL4_BootInfo& bootinfo, std::size_t bytes) {
    const std::size_t pages = (bytes + page_size - 1) / page_size;
    // Above the image, the boot info and IPC buffer frames the kernel maps after it.
    const std::uintptr_t base =
        (reinterpret_cast<std::uintptr_t>(_end) + gib - 1) / gib * gib + gib;
    seL4_CPtr next_slot = bootinfo.empty.start;
    auto take_slot = [&] {
        if (next_slot == bootinfo.empty.end) fail("no free slot in the initial CNode", 0, bytes);
        return next_slot++;
    };

    // Page tables from the smallest untyped that holds a few; pages from all the others.
    const auto count = bootinfo.untyped.end - bootinfo.untyped.start;
    seL4_Word table_index = count;
    for (seL4_Word i = 0; i < count; ++i) {
        const auto& u = bootinfo.untypedList[i];
        if (!u.isDevice && u.sizeBits >= 16 &&
            (table_index == count || u.sizeBits < bootinfo.untypedList[table_index].sizeBits))
            table_index = i;
    }
    if (table_index == count) fail("no untyped for page tables", 0, bytes);
    // The page tables' untyped is not worth measuring: sel4::Env leaves it alone.
    boot_info_use.untyped_bytes_used[table_index] = std::uint64_t{1}
                                                    << bootinfo.untypedList[table_index].sizeBits;
    const cap::Untyped tables(bootinfo.untyped.start + table_index);

    std::size_t mapped = 0;
    for (seL4_Word i = 0; i < count && mapped < pages; ++i) {
        const auto& u = bootinfo.untypedList[i];
        if (u.isDevice || i == table_index || u.sizeBits < seL4_LargePageBits) continue;
        const cap::Untyped untyped(bootinfo.untyped.start + i);
        while (mapped < pages) {
            const seL4_CPtr frame = take_slot();
            if (!untyped.retype(arch::large_page_object, 0, init_thread::cnode, 0, 0, frame, 1)) {
                --next_slot; // this untyped is full: the slot is still free
                break;
            }
            if (!map_page_with_tables(init_thread::vspace, frame, base + mapped * page_size, tables,
                                      take_slot))
                fail("mapping a page failed", mapped * page_size, bytes);
            ++mapped;
            boot_info_use.untyped_bytes_used[i] += page_size;
        }
    }
    if (mapped < pages) fail("out of untyped memory", mapped * page_size, bytes);
    boot_info_use.first_free_slot = next_slot;
    if (!runtime::heap_add_memory(reinterpret_cast<void*>(base), pages * page_size))
        fail("the heap takes no more memory", mapped * page_size, bytes);
}

} // namespace sel4::root_task::detail
