// riscv32: the registers an unknown system call reports (a user exception has none extra).
#pragma once
#include <sel4/sys.hpp>

namespace sel4::arch {
struct SyscallRegisters {
    seL4_Word a0, a1, a2, a3, a4, a5, a6, ra;
};
struct ExceptionRegisters {};
} // namespace sel4::arch
