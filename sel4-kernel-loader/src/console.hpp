// The loader's log: short lines on the UART, all prefixed.
#pragma once

#include <cstdint>

namespace sel4::kernel_loader {

void print(const char* text);
void print_hex(std::uint64_t value);
[[noreturn]] void fail(const char* message);

} // namespace sel4::kernel_loader
