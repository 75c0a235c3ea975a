// RISC-V: the registers an unknown system call reports (a user exception has none extra), and
// the fields of its fault message that hold them.
#pragma once
#include <sel4/fault_fields.hpp>

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
    // Where the fault message keeps them, member by member.
    using fields = FaultFields<seL4_Fault_UnknownSyscall_get_A0, seL4_Fault_UnknownSyscall_get_A1,
                               seL4_Fault_UnknownSyscall_get_A2, seL4_Fault_UnknownSyscall_get_A3,
                               seL4_Fault_UnknownSyscall_get_A4, seL4_Fault_UnknownSyscall_get_A5,
                               seL4_Fault_UnknownSyscall_get_A6, seL4_Fault_UnknownSyscall_get_RA>;
    // The field that holds the thread's stack pointer.
    static constexpr FaultField sp_field = seL4_Fault_UnknownSyscall_get_SP;
};
// The status registers of a thread that raised an exception.
struct ExceptionRegisters {
    // Where the fault message keeps them (nowhere).
    using fields = FaultFields<>;
    // The field that holds the thread's stack pointer.
    static constexpr FaultField sp_field = seL4_Fault_UserException_get_SP;
};
} // namespace sel4::arch
