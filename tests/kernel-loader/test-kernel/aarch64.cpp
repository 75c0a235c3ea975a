#include <cstdint>

#include <sel4/kernel_loader/pl011.hpp>

void put_char(char c) {
    sel4::kernel_loader::pl011_put_char(c);
}

const char* entry_mode() {
    std::uint64_t el;
    asm volatile("mrs %0, CurrentEL" : "=r"(el));
    return ((el >> 2) & 3) == 2 ? "EL2" : "EL1";
}
