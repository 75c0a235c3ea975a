// x86_64: the time-stamp counter, readable at user level; its frequency comes from the boot
// info (the kernel measures it), set by the root task's start.
#pragma once

#include <cstdint>

namespace sel4::runtime::arch {

inline constexpr bool counter_readable = true;

inline std::uint64_t read_counter() {
    std::uint32_t low, high;
    asm volatile("rdtsc" : "=a"(low), "=d"(high));
    return (std::uint64_t{high} << 32) | low;
}

// 0: not known until the root task reads it from the boot info.
inline std::uint64_t counter_frequency() {
    return 0;
}

} // namespace sel4::runtime::arch
