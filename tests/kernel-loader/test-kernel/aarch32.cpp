#include <cstdint>

#include <sel4/kernel_loader/pl011.hpp>

void put_char(char c) {
    sel4::kernel_loader::pl011_put_char(c);
}

const char* entry_mode() {
    std::uint32_t cpsr, sctlr;
    asm volatile("mrs %0, cpsr" : "=r"(cpsr));
    asm volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(sctlr));
    if (!(sctlr & 1)) return "MMU off";
    return (cpsr & 0x1f) == 0x13 ? "SVC" : (cpsr & 0x1f) == 0x1a ? "HYP" : "another mode";
}
