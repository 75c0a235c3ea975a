// x86_64 fault decoding: every field of the unknown system call and user exception messages.
#pragma once
#include <sel4/fault.hpp>

namespace sel4::arch {

// The unknown system call fault in a fault message.
inline Fault decode_unknown_syscall(seL4_Fault_t raw) {
    return fault::UnknownSyscall{
        seL4_Fault_UnknownSyscall_get_FaultIP(raw),
        seL4_Fault_UnknownSyscall_get_RSP(raw),
        seL4_Fault_UnknownSyscall_get_Syscall(raw),
        {seL4_Fault_UnknownSyscall_get_RAX(raw), seL4_Fault_UnknownSyscall_get_RBX(raw),
         seL4_Fault_UnknownSyscall_get_RCX(raw), seL4_Fault_UnknownSyscall_get_RDX(raw),
         seL4_Fault_UnknownSyscall_get_RSI(raw), seL4_Fault_UnknownSyscall_get_RDI(raw),
         seL4_Fault_UnknownSyscall_get_RBP(raw), seL4_Fault_UnknownSyscall_get_R8(raw),
         seL4_Fault_UnknownSyscall_get_R9(raw), seL4_Fault_UnknownSyscall_get_R10(raw),
         seL4_Fault_UnknownSyscall_get_R11(raw), seL4_Fault_UnknownSyscall_get_R12(raw),
         seL4_Fault_UnknownSyscall_get_R13(raw), seL4_Fault_UnknownSyscall_get_R14(raw),
         seL4_Fault_UnknownSyscall_get_R15(raw), seL4_Fault_UnknownSyscall_get_FLAGS(raw)}};
}

// The user exception fault in a fault message.
inline Fault decode_user_exception(seL4_Fault_t raw) {
    return fault::UserException{seL4_Fault_UserException_get_FaultIP(raw),
                                seL4_Fault_UserException_get_Stack(raw),
                                seL4_Fault_UserException_get_Number(raw),
                                seL4_Fault_UserException_get_Code(raw),
                                {seL4_Fault_UserException_get_FLAGS(raw)}};
}

// The architecture's own faults (or Other, with the label).
inline Fault decode_other_fault(seL4_Fault_t, seL4_Word label) {
    return fault::Other{label};
}

} // namespace sel4::arch
