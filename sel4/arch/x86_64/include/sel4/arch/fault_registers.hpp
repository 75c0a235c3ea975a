// x86_64: the registers an unknown system call and a user exception report, and the fields of
// their fault messages that hold them.
#pragma once
#include <sel4/fault_fields.hpp>

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
    // Where the fault message keeps them, member by member.
    using fields =
        FaultFields<seL4_Fault_UnknownSyscall_get_RAX, seL4_Fault_UnknownSyscall_get_RBX,
                    seL4_Fault_UnknownSyscall_get_RCX, seL4_Fault_UnknownSyscall_get_RDX,
                    seL4_Fault_UnknownSyscall_get_RSI, seL4_Fault_UnknownSyscall_get_RDI,
                    seL4_Fault_UnknownSyscall_get_RBP, seL4_Fault_UnknownSyscall_get_R8,
                    seL4_Fault_UnknownSyscall_get_R9, seL4_Fault_UnknownSyscall_get_R10,
                    seL4_Fault_UnknownSyscall_get_R11, seL4_Fault_UnknownSyscall_get_R12,
                    seL4_Fault_UnknownSyscall_get_R13, seL4_Fault_UnknownSyscall_get_R14,
                    seL4_Fault_UnknownSyscall_get_R15, seL4_Fault_UnknownSyscall_get_FLAGS>;
    // The field that holds the thread's stack pointer.
    static constexpr FaultField sp_field = seL4_Fault_UnknownSyscall_get_RSP;
};
// The status registers of a thread that raised an exception.
struct ExceptionRegisters {
    seL4_Word flags; // the thread's flags
    // Where the fault message keeps them, member by member.
    using fields = FaultFields<seL4_Fault_UserException_get_FLAGS>;
    // The field that holds the thread's stack pointer.
    static constexpr FaultField sp_field = seL4_Fault_UserException_get_Stack;
};
} // namespace sel4::arch
