// The timer hardware behind one interface: a clock in ns since the driver started, and one
// alarm. aarch64: the ARM generic timer (EL1 physical timer, exported to user level by
// Microkit's kernel); riscv64: the goldfish RTC.
#pragma once

#include <cstdint>

namespace timer_hw {

// Starts the clock; false when there is no such device at `registers` (0 when the
// architecture needs no registers).
bool start(std::uintptr_t registers);
std::uint64_t now_ns();
// Raises the interrupt at `at_ns` (or at once if that has passed).
void set_alarm(std::uint64_t at_ns);
// Silences a raised interrupt (before the IRQ is acknowledged).
void clear();
const char* name();

} // namespace timer_hw
