// x86_64: the registers an unknown system call and a user exception report.
#pragma once
#include <sel4/sys.hpp>

namespace sel4::arch {
struct SyscallRegisters {
    seL4_Word rax, rbx, rcx, rdx, rsi, rdi, rbp, r8, r9, r10, r11, r12, r13, r14, r15, flags;
};
struct ExceptionRegisters {
    seL4_Word flags;
};
} // namespace sel4::arch
