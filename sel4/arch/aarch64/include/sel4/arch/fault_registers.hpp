// aarch64: the registers an unknown system call and a user exception report, and the fields of
// their fault messages that hold them.
#pragma once
#include <sel4/fault_fields.hpp>

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
    // Where the fault message keeps them, member by member.
    using fields =
        FaultFields<seL4_Fault_UnknownSyscall_get_X0, seL4_Fault_UnknownSyscall_get_X1,
                    seL4_Fault_UnknownSyscall_get_X2, seL4_Fault_UnknownSyscall_get_X3,
                    seL4_Fault_UnknownSyscall_get_X4, seL4_Fault_UnknownSyscall_get_X5,
                    seL4_Fault_UnknownSyscall_get_X6, seL4_Fault_UnknownSyscall_get_X7,
                    seL4_Fault_UnknownSyscall_get_LR, seL4_Fault_UnknownSyscall_get_SPSR>;
    // The field that holds the thread's stack pointer.
    static constexpr FaultField sp_field = seL4_Fault_UnknownSyscall_get_SP;
};
// The status registers of a thread that raised an exception.
struct ExceptionRegisters {
    seL4_Word spsr; // the thread's spsr
    // Where the fault message keeps them, member by member.
    using fields = FaultFields<seL4_Fault_UserException_get_SPSR>;
    // The field that holds the thread's stack pointer.
    static constexpr FaultField sp_field = seL4_Fault_UserException_get_Stack;
};
} // namespace sel4::arch
