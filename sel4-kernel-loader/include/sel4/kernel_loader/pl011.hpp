// The PL011 UART of QEMU's ARM virt machine: the console of the aarch64 and aarch32 loaders and
// of their test kernels (polled, no interrupts).
#pragma once

#include <cstdint>

namespace sel4::kernel_loader {

// Writes c once the UART has room (a newline as CR LF).
inline void pl011_put_char(char c) {
    constexpr std::uintptr_t base = 0x09000000;
    auto* data = reinterpret_cast<volatile std::uint32_t*>(base);
    auto* flags = reinterpret_cast<volatile std::uint32_t*>(base + 0x18);
    if (c == '\n') pl011_put_char('\r');
    while (*flags & (1u << 5)) { // TXFF: the transmit FIFO is full
    }
    *data = static_cast<unsigned char>(c);
}

} // namespace sel4::kernel_loader
