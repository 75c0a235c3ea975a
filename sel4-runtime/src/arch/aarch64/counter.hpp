// aarch64: the generic timer's count, readable at EL0 only when the kernel exports it: the
// virtual count (KernelArmExportVCNTUser, CONFIG_EXPORT_VCNT_USER), else the physical one
// (KernelArmExportPCNTUser, as the Microkit SDK's kernels do); otherwise reading it would fault.
#pragma once

#include <cstdint>

#include <sel4/sys.hpp>

namespace sel4::runtime::arch {

#ifdef CONFIG_EXPORT_VCNT_USER
inline constexpr bool counter_readable = true;
inline std::uint64_t read_counter() {
    std::uint64_t value;
    asm volatile("isb; mrs %0, cntvct_el0" : "=r"(value));
    return value;
}
#elif defined(CONFIG_EXPORT_PCNT_USER)
inline constexpr bool counter_readable = true;
inline std::uint64_t read_counter() {
    std::uint64_t value;
    asm volatile("isb; mrs %0, cntpct_el0" : "=r"(value));
    return value;
}
#else
inline constexpr bool counter_readable = false;
inline std::uint64_t read_counter() {
    return 0;
}
#endif

inline std::uint64_t counter_frequency() {
    std::uint64_t value = 0;
    if constexpr (counter_readable) asm volatile("mrs %0, cntfrq_el0" : "=r"(value));
    return value;
}

} // namespace sel4::runtime::arch
