// Timer test client: timeouts of 1, 10 and 100 ms, each measured with the driver's clock: never
// early, and late by less than the tolerance (QEMU's emulation is slow, not that slow).
#include <cstdio>

#include <sel4/drivers/clients.hpp>
#include <sel4/microkit.hpp>

using namespace sel4::microkit;

namespace {
constexpr sel4::drivers::TimerClient timer{Channel{1}};
constexpr std::uint64_t ms = 1'000'000;
constexpr std::uint64_t timeouts[] = {1 * ms, 10 * ms, 100 * ms};
constexpr std::uint64_t tolerance = 50 * ms; // QEMU on a loaded machine is late at times
} // namespace

class TimerClient : public ProtectionDomain {
    unsigned next_ = 0;
    unsigned failures_ = 0;
    std::uint64_t started_ = 0;

    void init() override {
        const std::uint64_t a = timer.now_ns(), b = timer.now_ns();
        if (b < a) {
            std::printf("timer-client: FAILED: the clock went back\n");
            return;
        }
        start();
    }

    void start() {
        started_ = timer.now_ns();
        timer.set_timeout(timeouts[next_]);
    }

    void notified(Channel channel) override {
        if (!(channel == timer.channel())) return;
        const std::uint64_t elapsed = timer.now_ns() - started_;
        const std::uint64_t wanted = timeouts[next_];
        const bool good = elapsed >= wanted && elapsed < wanted + tolerance;
        std::printf("timer-client: %llu ms timeout after %llu.%03llu ms %s\n",
                    static_cast<unsigned long long>(wanted / ms),
                    static_cast<unsigned long long>(elapsed / ms),
                    static_cast<unsigned long long>(elapsed % ms / 1000), good ? "ok" : "WRONG");
        failures_ += !good;
        if (++next_ < sizeof timeouts / sizeof timeouts[0]) return start();
        if (failures_)
            std::printf("timer-client: FAILED: %u timeouts\n", failures_);
        else
            std::printf("timer-client: all passed\n");
    }
};

SEL4_MICROKIT_PD(TimerClient)
