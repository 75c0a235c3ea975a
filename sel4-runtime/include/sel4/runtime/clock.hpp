// The monotonic clock behind clock_gettime, std::chrono::steady_clock and sleep_for: the
// architecture's counter where user level may read it (x86_64's TSC; aarch64's virtual count
// when the kernel exports it), nothing elsewhere.
#pragma once

#include <cstdint>

namespace sel4::runtime {

// Whether steady_clock advances. Without a counter, clock_gettime fails (EINVAL) and reports
// 0, and sleep_for only yields once.
bool clock_available() noexcept;

// Nanoseconds since an arbitrary start (0 without a counter).
std::uint64_t clock_nanoseconds() noexcept;

// The counter's frequency in Hz (0 without a counter).
std::uint64_t clock_frequency() noexcept;

// Where the frequency is not readable from the counter itself (x86_64): set it once, in Hz.
void set_counter_frequency(std::uint64_t hertz) noexcept;

} // namespace sel4::runtime
