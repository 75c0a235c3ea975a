// clock_gettime, nanosleep and friends over the architecture's counter (counter.hpp): what
// libstdc++'s steady_clock, system_clock and this_thread::sleep_for call.
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <ctime>

#include <sel4/runtime/clock.hpp>
#include <sel4/sys.hpp>

#include "counter.hpp"

namespace sel4::runtime {
namespace {
std::atomic<std::uint64_t> frequency{0};

std::uint64_t hertz() {
    auto value = frequency.load(std::memory_order_relaxed);
    if (!value && arch::counter_readable) {
        value = arch::counter_frequency();
        frequency.store(value, std::memory_order_relaxed);
    }
    return value;
}
} // namespace

bool clock_available() noexcept {
    return arch::counter_readable && hertz() != 0;
}

std::uint64_t clock_nanoseconds() noexcept {
    const auto rate = hertz();
    if (!arch::counter_readable || !rate) return 0;
    const auto ticks = arch::read_counter();
    // Split to keep ticks * 1e9 from overflowing.
    return ticks / rate * 1000000000u + ticks % rate * 1000000000u / rate;
}

std::uint64_t clock_frequency() noexcept {
    return arch::counter_readable ? hertz() : 0;
}

void set_counter_frequency(std::uint64_t value) noexcept {
    frequency.store(value, std::memory_order_relaxed);
}

} // namespace sel4::runtime

extern "C" {

int clock_gettime(clockid_t, struct timespec* time) {
    const auto ns = sel4::runtime::clock_nanoseconds();
    time->tv_sec = static_cast<time_t>(ns / 1000000000u);
    time->tv_nsec = static_cast<long>(ns % 1000000000u);
    if (!sel4::runtime::clock_available()) {
        errno = EINVAL;
        return -1;
    }
    return 0;
}

// Sleeping without a timer interrupt: yield until the counter passes the deadline (other
// threads run meanwhile); with no counter, yield once.
int nanosleep(const struct timespec* request, struct timespec* remaining) {
    // request and remaining may be the same object (libstdc++'s sleep_for passes one).
    const auto duration = static_cast<std::uint64_t>(request->tv_sec) * 1000000000u +
                          static_cast<std::uint64_t>(request->tv_nsec);
    if (remaining) *remaining = {};
    if (!sel4::runtime::clock_available()) {
        seL4_Yield();
        return 0;
    }
    const auto deadline = sel4::runtime::clock_nanoseconds() + duration;
    while (sel4::runtime::clock_nanoseconds() < deadline)
        seL4_Yield();
    return 0;
}

// std::thread::hardware_concurrency: the cores the kernel is built for.
int get_nprocs(void) {
    return CONFIG_MAX_NUM_NODES;
}

// glibc's errno accessor, which libstdc++'s thread code calls.
int* __errno_location(void) {
    return &errno;
}

// Destructors of thread_local objects: a thread's are not run when it ends (its TLS is
// recycled with it); registering always succeeds.
int __cxa_thread_atexit_impl(void (*)(void*), void*, void*) {
    return 0;
}
}
