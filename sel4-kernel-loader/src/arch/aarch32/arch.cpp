// aarch32 (ARMv7-A) on QEMU virt: PL011 console; the kernel (no hypervisor support) is entered
// in SVC mode with the MMU on, short-descriptor tables in 1 MiB sections: the first gigabyte
// (devices) and the loader identity-mapped, the kernel window (its first virtual address up to
// the end of RAM) as seL4 expects.
#include <cstdint>

#include <sel4/kernel_loader/page_tables.hpp>
#include <sel4/kernel_loader/pl011.hpp>
#include <sel4/platform_info.hpp>

#include "../../arch.hpp"
#include "../../console.hpp"

extern "C" char _start[], _end[];
extern "C" std::uint32_t loader_started_in_hyp;
extern "C" [[noreturn]] void enter_kernel_with_mmu(std::uint32_t user_start, std::uint32_t user_end,
                                                   std::uint32_t pv_offset,
                                                   std::uint32_t user_entry, std::uint32_t dtb,
                                                   std::uint32_t dtb_size,
                                                   std::uint32_t kernel_entry, std::uint32_t table);

namespace sel4::kernel_loader::arch {
namespace {

alignas(16384) ArmSections::Entry table[ArmSections::entries];

// The end of the RAM range the kernel sits in: the window stops there.
std::uint64_t ram_end_after(std::uint64_t physical) {
    for (const auto& range : platform_info::memory)
        if (physical >= range.start && physical < range.end) return range.end;
    fail("the kernel is not in the platform's memory");
}

void build_tables(const PayloadHeader& payload) {
    SingleLevelTable<ArmSections> tables(table);
    const auto loader_start = reinterpret_cast<std::uintptr_t>(_start);
    const auto payload_end = reinterpret_cast<std::uintptr_t>(_end) + payload.payload_size;
    const std::uint64_t to_top = (1ull << 32) - payload.kernel_virtual_start;
    const std::uint64_t to_ram_end =
        ram_end_after(payload.kernel_physical_start) - payload.kernel_physical_start;
    // The devices below RAM identity-mapped too (the kernel maps its own; a test kernel prints).
    if (!tables.map(0, 0, 1u << 30, Memory::device)) fail("cannot map the devices");
    if (!tables.map(loader_start, loader_start, payload_end - loader_start, Memory::normal))
        fail("cannot map the loader");
    if (!tables.map(payload.kernel_virtual_start, payload.kernel_physical_start,
                    to_top < to_ram_end ? to_top : to_ram_end, Memory::normal))
        fail("cannot map the kernel window (it collides with the loader)");
}

} // namespace

void put_char(char c) {
    pl011_put_char(c);
}

const char* describe_mode() {
    return loader_started_in_hyp ? "HYP, now SVC (aarch32)" : "SVC (aarch32)";
}

void start_secondary_cores(const PayloadHeader&, std::uint64_t) {
    if constexpr (SEL4_MAX_NUM_NODES > 1) fail("SMP kernels are not supported on aarch32 yet");
}

void enter_kernel(const PayloadHeader& payload, std::uint64_t, std::uint64_t) {
    if (payload.flags & kernel_is_hypervisor)
        fail("aarch32 kernels with hypervisor support (HYP mode, LPAE) are not supported yet");
    build_tables(payload);
    enter_kernel_with_mmu(static_cast<std::uint32_t>(payload.user_physical_start),
                          static_cast<std::uint32_t>(payload.user_physical_end),
                          static_cast<std::uint32_t>(payload.user_physical_virtual_offset),
                          static_cast<std::uint32_t>(payload.user_entry),
                          static_cast<std::uint32_t>(payload.dtb_physical_address),
                          static_cast<std::uint32_t>(payload.dtb_size),
                          static_cast<std::uint32_t>(payload.kernel_entry),
                          static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(table)));
}

void halt() {
    for (;;)
        asm volatile("wfe");
}

} // namespace sel4::kernel_loader::arch
