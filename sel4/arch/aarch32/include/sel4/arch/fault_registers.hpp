// aarch32: the registers an unknown system call and a user exception report, and the fields of
// their fault messages that hold them.
#pragma once
#include <sel4/fault_fields.hpp>

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
    // Where the fault message keeps them, member by member.
    using fields =
        FaultFields<seL4_Fault_UnknownSyscall_get_R0, seL4_Fault_UnknownSyscall_get_R1,
                    seL4_Fault_UnknownSyscall_get_R2, seL4_Fault_UnknownSyscall_get_R3,
                    seL4_Fault_UnknownSyscall_get_R4, seL4_Fault_UnknownSyscall_get_R5,
                    seL4_Fault_UnknownSyscall_get_R6, seL4_Fault_UnknownSyscall_get_R7,
                    seL4_Fault_UnknownSyscall_get_LR, seL4_Fault_UnknownSyscall_get_CPSR>;
    // The field that holds the thread's stack pointer.
    static constexpr FaultField sp_field = seL4_Fault_UnknownSyscall_get_SP;
};
// The status registers of a thread that raised an exception.
struct ExceptionRegisters {
    seL4_Word cpsr; // the thread's cpsr
    // Where the fault message keeps them, member by member.
    using fields = FaultFields<seL4_Fault_UserException_get_CPSR>;
    // The field that holds the thread's stack pointer.
    static constexpr FaultField sp_field = seL4_Fault_UserException_get_Stack;
};
} // namespace sel4::arch
