// riscv32 fault decoding: every field of the unknown system call and user exception messages.
#pragma once
#include <sel4/fault.hpp>

namespace sel4::arch {

// The unknown system call fault in a fault message.
inline Fault decode_unknown_syscall(seL4_Fault_t raw) {
    return fault::UnknownSyscall{
        seL4_Fault_UnknownSyscall_get_FaultIP(raw),
        seL4_Fault_UnknownSyscall_get_SP(raw),
        seL4_Fault_UnknownSyscall_get_Syscall(raw),
        {seL4_Fault_UnknownSyscall_get_A0(raw), seL4_Fault_UnknownSyscall_get_A1(raw),
         seL4_Fault_UnknownSyscall_get_A2(raw), seL4_Fault_UnknownSyscall_get_A3(raw),
         seL4_Fault_UnknownSyscall_get_A4(raw), seL4_Fault_UnknownSyscall_get_A5(raw),
         seL4_Fault_UnknownSyscall_get_A6(raw), seL4_Fault_UnknownSyscall_get_RA(raw)}};
}

// The user exception fault in a fault message.
inline Fault decode_user_exception(seL4_Fault_t raw) {
    return fault::UserException{seL4_Fault_UserException_get_FaultIP(raw),
                                seL4_Fault_UserException_get_SP(raw),
                                seL4_Fault_UserException_get_Number(raw),
                                seL4_Fault_UserException_get_Code(raw),
                                {}};
}

// The architecture's own faults (or Other, with the label).
inline Fault decode_other_fault(seL4_Fault_t, seL4_Word label) {
    return fault::Other{label};
}

} // namespace sel4::arch
