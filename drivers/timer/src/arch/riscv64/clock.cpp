// The goldfish RTC: a nanosecond clock (reading TIME_LOW latches TIME_HIGH) and an alarm (writing
// ALARM_LOW arms it) raising its interrupt while enabled.
#include "../../clock.hpp"

namespace timer_hw {

namespace {
volatile std::uint32_t* rtc = nullptr;
std::uint64_t start_time = 0;
enum : unsigned {
    time_low = 0,
    time_high = 1,
    alarm_low = 2,
    alarm_high = 3,
    irq_enabled = 4,
    clear_alarm = 5,
    clear_interrupt = 7,
};

std::uint64_t device_time() {
    const std::uint32_t low = rtc[time_low];
    return low | (std::uint64_t{rtc[time_high]} << 32);
}
} // namespace

bool start(std::uintptr_t registers) {
    if (registers == 0) return false;
    rtc = reinterpret_cast<volatile std::uint32_t*>(registers);
    start_time = device_time();
    if (start_time == 0) return false; // no clock running there
    rtc[clear_alarm] = 1;
    rtc[clear_interrupt] = 1;
    rtc[irq_enabled] = 1;
    return true;
}

std::uint64_t now_ns() {
    return device_time() - start_time;
}

void set_alarm(std::uint64_t at_ns) {
    const std::uint64_t at = start_time + at_ns;
    rtc[alarm_high] = static_cast<std::uint32_t>(at >> 32);
    rtc[alarm_low] = static_cast<std::uint32_t>(at);
}

void clear() {
    rtc[clear_interrupt] = 1;
}

const char* name() {
    return "goldfish RTC";
}

} // namespace timer_hw
