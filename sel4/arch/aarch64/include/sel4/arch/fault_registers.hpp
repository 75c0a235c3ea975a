// aarch64: the registers an unknown system call and a user exception report.
#pragma once
#include <sel4/sys.hpp>

namespace sel4::arch {
// The argument and status registers of a thread that made an unknown system call.
struct SyscallRegisters {
    seL4_Word x0;   // the thread's x0
    seL4_Word x1;   // the thread's x1
    seL4_Word x2;   // the thread's x2
    seL4_Word x3;   // the thread's x3
    seL4_Word x4;   // the thread's x4
    seL4_Word x5;   // the thread's x5
    seL4_Word x6;   // the thread's x6
    seL4_Word x7;   // the thread's x7
    seL4_Word lr;   // the thread's lr
    seL4_Word spsr; // the thread's spsr
};
// The status registers of a thread that raised an exception.
struct ExceptionRegisters {
    seL4_Word spsr; // the thread's spsr
};
} // namespace sel4::arch
