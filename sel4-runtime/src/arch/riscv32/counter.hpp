// riscv32: the time CSR is readable in U-mode only if S-mode sets scounteren.TM, which seL4
// does not; reading it would fault. No counter, then.
#pragma once

#include <cstdint>

namespace sel4::runtime::arch {

inline constexpr bool counter_readable = false;

inline std::uint64_t read_counter() {
    return 0;
}

inline std::uint64_t counter_frequency() {
    return 0;
}

} // namespace sel4::runtime::arch
