// riscv32: the registers an unknown system call reports (a user exception has none extra).
#pragma once
#include <sel4/sys.hpp>

namespace sel4::arch {
// The argument and status registers of a thread that made an unknown system call.
struct SyscallRegisters {
    seL4_Word a0; // the thread's a0
    seL4_Word a1; // the thread's a1
    seL4_Word a2; // the thread's a2
    seL4_Word a3; // the thread's a3
    seL4_Word a4; // the thread's a4
    seL4_Word a5; // the thread's a5
    seL4_Word a6; // the thread's a6
    seL4_Word ra; // the thread's ra
};
// The status registers of a thread that raised an exception.
struct ExceptionRegisters {};
} // namespace sel4::arch
