// Runtime-internal view of the clock (sel4/runtime/clock.hpp) for timed waits.
#pragma once

#include <ctime>

#include <sel4/runtime/clock.hpp>

namespace sel4::runtime::clock {

inline bool available() {
    return clock_available();
}

// Whether the monotonic clock has reached an absolute deadline.
inline bool passed(const timespec& deadline) {
    const auto now = clock_nanoseconds();
    const auto at = static_cast<std::uint64_t>(deadline.tv_sec) * 1000000000u +
                    static_cast<std::uint64_t>(deadline.tv_nsec);
    return now >= at;
}

} // namespace sel4::runtime::clock
