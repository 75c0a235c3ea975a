// sDDF's timer protocol: a client makes protected calls to the timer driver on its channel;
// expiry of a timeout arrives as a notification on that same channel.
#pragma once

#include <cstdint>

namespace sel4::rings::timer {

enum class Label : std::uint64_t {
    get_time = 0,    // reply: MR0 = time since boot, ns
    set_timeout = 1, // MR0 = relative timeout, ns; one pending timeout per client
};

inline constexpr std::uint64_t ns_per_us = 1'000;
inline constexpr std::uint64_t ns_per_ms = 1'000'000;
inline constexpr std::uint64_t ns_per_s = 1'000'000'000;

} // namespace sel4::rings::timer
