// The ARM generic timer's EL1 physical timer: CNTPCT_EL0 counts at CNTFRQ_EL0; an interrupt
// (INTID 30) fires when the count reaches CNTP_CVAL_EL0 with CNTP_CTL_EL0 enabled, unmasked.
#include "../../clock.hpp"

#include <sel4/drivers/timeouts.hpp>

namespace timer_hw {

namespace {
std::uint64_t frequency = 0;
std::uint64_t start_ticks = 0;
constexpr std::uint64_t enable = 1, mask = 2;

std::uint64_t ticks() {
    std::uint64_t value;
    asm volatile("isb; mrs %0, cntpct_el0" : "=r"(value));
    return value;
}
} // namespace

bool start(std::uintptr_t) {
    asm volatile("mrs %0, cntfrq_el0" : "=r"(frequency));
    if (frequency == 0) return false;
    start_ticks = ticks();
    asm volatile("msr cntp_ctl_el0, %0" ::"r"(mask));
    return true;
}

std::uint64_t now_ns() {
    return sel4::drivers::ticks_to_ns(ticks() - start_ticks, frequency);
}

void set_alarm(std::uint64_t at_ns) {
    const std::uint64_t compare = start_ticks + sel4::drivers::ns_to_ticks(at_ns, frequency);
    asm volatile("msr cntp_cval_el0, %0; msr cntp_ctl_el0, %1; isb" ::"r"(compare), "r"(enable));
}

void clear() {
    asm volatile("msr cntp_ctl_el0, %0; isb" ::"r"(mask));
}

const char* name() {
    return "ARM generic timer";
}

} // namespace timer_hw
