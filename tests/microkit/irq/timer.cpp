// An interrupt-driven PD: the board's RTC alarm interrupts twice; the first interrupt is
// acknowledged with a deferred IRQ ack, so the second arrives only if that ack was sent. The
// IRQ channel is bound to a member function (Handler); the RTC is a DeviceRegion.
#include <cstdint>
#include <cstdio>

#include <sel4/microkit.hpp>

using namespace sel4::microkit;

extern "C" DeviceRegion rtc;
DeviceRegion rtc{};

namespace {

constexpr Channel alarm_irq{3};

// The two boards' RTCs: arm an alarm a little in the future, and clear a raised interrupt.
#if defined(__aarch64__)
// PL031: data (seconds), match, ..., interrupt mask, ..., interrupt clear.
void arm_alarm() {
    rtc.write(0x04, rtc.read(0x00) + 1); // match register: next second
    rtc.write(0x10, 1u);                 // unmask the alarm interrupt
}
void clear_interrupt() {
    rtc.write(0x1c, 1u);
}
#else
// Goldfish: time (ns, low then high), alarm (high then low, low arms), irq enable, clear.
void arm_alarm() {
    const std::uint64_t now = rtc.read(0x00) | (std::uint64_t{rtc.read(0x04)} << 32);
    const std::uint64_t alarm = now + 10'000'000; // 10 ms
    rtc.write(0x10, 1u);                          // enable the interrupt
    rtc.write(0x0c, static_cast<std::uint32_t>(alarm >> 32));
    rtc.write(0x08, static_cast<std::uint32_t>(alarm));
}
void clear_interrupt() {
    rtc.write(0x1c, 1u);
}
#endif

} // namespace

class Timer : public ProtectionDomain {
    int interrupts = 0;
    Handler<Timer> alarm{*this, alarm_irq, &Timer::on_alarm};

    void init() override {
        std::printf("timer: arming the RTC alarm\n");
        arm_alarm();
    }

    void on_alarm() {
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
