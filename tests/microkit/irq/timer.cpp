// An interrupt-driven PD: the board's RTC alarm interrupts twice; the first interrupt is
// acknowledged with a deferred IRQ ack, so the second arrives only if that ack was sent.
#include <cstdint>
#include <cstdio>

#include <sel4/microkit.hpp>

using namespace sel4::microkit;

extern "C" Region<volatile std::uint32_t> rtc;
Region<volatile std::uint32_t> rtc{};

namespace {

constexpr Channel alarm_irq{3};

// The two boards' RTCs: arm an alarm a little in the future, and clear a raised interrupt.
#if defined(__aarch64__)
// PL031: data (seconds), match, ..., interrupt mask, ..., interrupt clear.
void arm_alarm() {
    rtc.get()[1] = rtc.get()[0] + 1; // match register: next second
    rtc.get()[4] = 1;                // unmask the alarm interrupt
}
void clear_interrupt() {
    rtc.get()[7] = 1;
}
#else
// Goldfish: time (ns, low then high), alarm (high then low, low arms), irq enable, clear.
void arm_alarm() {
    const std::uint64_t now = rtc.get()[0] | (std::uint64_t{rtc.get()[1]} << 32);
    const std::uint64_t alarm = now + 10'000'000; // 10 ms
    rtc.get()[4] = 1;                             // enable the interrupt
    rtc.get()[3] = static_cast<std::uint32_t>(alarm >> 32);
    rtc.get()[2] = static_cast<std::uint32_t>(alarm);
}
void clear_interrupt() {
    rtc.get()[7] = 1;
}
#endif

} // namespace

class Timer : public ProtectionDomain {
    int interrupts = 0;

    void init() override {
        std::printf("timer: arming the RTC alarm\n");
        arm_alarm();
    }

    void notified(Channel channel) override {
        if (!(channel == alarm_irq)) return;
        ++interrupts;
        std::printf("timer: interrupt %d\n", interrupts);
        clear_interrupt();
        if (interrupts == 2) {
            alarm_irq.irq_ack();
            std::printf("irq: all passed\n");
            return;
        }
        alarm_irq.deferred_irq_ack(); // sent with the next receive
        arm_alarm();
    }
};

SEL4_MICROKIT_PD(Timer)
