// x86_64: the time-stamp counter, readable at user level; its frequency comes from the extra
// boot info (the kernel measures it), which the root task's start remembers for this.
#pragma once

#include <cstddef>
#include <cstdint>

#include <sel4/sys.hpp>

// Set by the root task's start; nullptr elsewhere (the frequency is then 0 until
// set_counter_frequency).
extern "C" const seL4_BootInfo* sel4_runtime_boot_info;

namespace sel4::runtime::arch {

inline constexpr bool counter_readable = true;

inline std::uint64_t read_counter() {
    std::uint32_t low, high;
    asm volatile("rdtsc" : "=a"(low), "=d"(high));
    return (std::uint64_t{high} << 32) | low;
}

// The kernel's measurement (in MHz), from the extra boot info; 0 when there is none.
inline std::uint64_t counter_frequency() {
    const seL4_BootInfo* bootinfo = sel4_runtime_boot_info;
    if (!bootinfo) return 0;
    const auto* at = reinterpret_cast<const std::byte*>(bootinfo) + seL4_BootInfoFrameSize;
    const auto* end = at + bootinfo->extraLen;
    while (at + sizeof(seL4_BootInfoHeader) <= end) {
        const auto* header = reinterpret_cast<const seL4_BootInfoHeader*>(at);
        if (header->len < sizeof *header || header->len > static_cast<std::size_t>(end - at)) break;
        if (header->id == SEL4_BOOTINFO_HEADER_X86_TSC_FREQ &&
            header->len >= sizeof *header + sizeof(std::uint32_t)) {
            std::uint32_t mhz;
            __builtin_memcpy(&mhz, at + sizeof *header, sizeof mhz);
            return std::uint64_t{mhz} * 1000000;
        }
        at += header->len;
    }
    return 0;
}

} // namespace sel4::runtime::arch
