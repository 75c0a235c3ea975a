// x86_64: the registers an unknown system call and a user exception report.
#pragma once
#include <sel4/sys.hpp>

namespace sel4::arch {
// The argument and status registers of a thread that made an unknown system call.
struct SyscallRegisters {
    seL4_Word rax;   // the thread's rax
    seL4_Word rbx;   // the thread's rbx
    seL4_Word rcx;   // the thread's rcx
    seL4_Word rdx;   // the thread's rdx
    seL4_Word rsi;   // the thread's rsi
    seL4_Word rdi;   // the thread's rdi
    seL4_Word rbp;   // the thread's rbp
    seL4_Word r8;    // the thread's r8
    seL4_Word r9;    // the thread's r9
    seL4_Word r10;   // the thread's r10
    seL4_Word r11;   // the thread's r11
    seL4_Word r12;   // the thread's r12
    seL4_Word r13;   // the thread's r13
    seL4_Word r14;   // the thread's r14
    seL4_Word r15;   // the thread's r15
    seL4_Word flags; // the thread's flags
};
// The status registers of a thread that raised an exception.
struct ExceptionRegisters {
    seL4_Word flags; // the thread's flags
};
} // namespace sel4::arch
