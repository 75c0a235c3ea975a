#include <cstdint>

void put_char(char c) {
    register long a0 asm("a0") = c;
    register long a7 asm("a7") = 1; // SBI legacy console putchar
    asm volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
}

const char* entry_mode() {
    return "S-mode";
}
