// aarch32: the generic timer's virtual count (CNTVCT), readable in user mode only when the
// kernel exports it (KernelArmExportVCNTUser, CONFIG_EXPORT_VCNT_USER); otherwise none.
#pragma once

#include <cstdint>

#include <sel4/sys.hpp>

namespace sel4::runtime::arch {

#ifdef CONFIG_EXPORT_VCNT_USER
inline constexpr bool counter_readable = true;
#else
inline constexpr bool counter_readable = false;
#endif

inline std::uint64_t read_counter() {
    std::uint32_t low = 0, high = 0;
    if constexpr (counter_readable)
        asm volatile("isb; mrrc p15, 1, %0, %1, c14" : "=r"(low), "=r"(high));
    return (std::uint64_t{high} << 32) | low;
}

inline std::uint64_t counter_frequency() {
    std::uint32_t value = 0;
    if constexpr (counter_readable) asm volatile("mrc p15, 0, %0, c14, c0, 0" : "=r"(value));
    return value;
}

} // namespace sel4::runtime::arch
