// aarch32: the registers an unknown system call and a user exception report.
#pragma once
#include <sel4/sys.hpp>

namespace sel4::arch {
// The argument and status registers of a thread that made an unknown system call.
struct SyscallRegisters {
    seL4_Word r0;   // the thread's r0
    seL4_Word r1;   // the thread's r1
    seL4_Word r2;   // the thread's r2
    seL4_Word r3;   // the thread's r3
    seL4_Word r4;   // the thread's r4
    seL4_Word r5;   // the thread's r5
    seL4_Word r6;   // the thread's r6
    seL4_Word r7;   // the thread's r7
    seL4_Word lr;   // the thread's lr
    seL4_Word cpsr; // the thread's cpsr
};
// The status registers of a thread that raised an exception.
struct ExceptionRegisters {
    seL4_Word cpsr; // the thread's cpsr
};
} // namespace sel4::arch
