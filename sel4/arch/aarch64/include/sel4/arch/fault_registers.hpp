// aarch64: the registers an unknown system call and a user exception report.
#pragma once
#include <sel4/sys.hpp>

namespace sel4::arch {
struct SyscallRegisters {
    seL4_Word x0, x1, x2, x3, x4, x5, x6, x7, lr, spsr;
};
struct ExceptionRegisters {
    seL4_Word spsr;
};
} // namespace sel4::arch
