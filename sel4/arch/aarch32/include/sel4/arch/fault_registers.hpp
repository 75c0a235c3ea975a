// aarch32: the registers an unknown system call and a user exception report.
#pragma once
#include <sel4/sys.hpp>

namespace sel4::arch {
// r0-r7, the link register and CPSR at the unknown system call.
struct SyscallRegisters {
    seL4_Word r0, r1, r2, r3, r4, r5, r6, r7, lr, cpsr;
};
// CPSR at the exception.
struct ExceptionRegisters {
    seL4_Word cpsr;
};
} // namespace sel4::arch
