// aarch64 fault decoding: every field of the unknown system call and user exception messages,
// and the hypervisor's VGIC maintenance, VCPU and virtual PPI faults.
#pragma once
#include <sel4/fault.hpp>

namespace sel4::arch {

// The unknown system call fault in a fault message.
inline Fault decode_unknown_syscall(seL4_Fault_t raw) {
    return fault::UnknownSyscall{
        seL4_Fault_UnknownSyscall_get_FaultIP(raw),
        seL4_Fault_UnknownSyscall_get_SP(raw),
        seL4_Fault_UnknownSyscall_get_Syscall(raw),
        {seL4_Fault_UnknownSyscall_get_X0(raw), seL4_Fault_UnknownSyscall_get_X1(raw),
         seL4_Fault_UnknownSyscall_get_X2(raw), seL4_Fault_UnknownSyscall_get_X3(raw),
         seL4_Fault_UnknownSyscall_get_X4(raw), seL4_Fault_UnknownSyscall_get_X5(raw),
         seL4_Fault_UnknownSyscall_get_X6(raw), seL4_Fault_UnknownSyscall_get_X7(raw),
         seL4_Fault_UnknownSyscall_get_LR(raw), seL4_Fault_UnknownSyscall_get_SPSR(raw)}};
}

// The user exception fault in a fault message.
inline Fault decode_user_exception(seL4_Fault_t raw) {
    return fault::UserException{seL4_Fault_UserException_get_FaultIP(raw),
                                seL4_Fault_UserException_get_Stack(raw),
                                seL4_Fault_UserException_get_Number(raw),
                                seL4_Fault_UserException_get_Code(raw),
                                {seL4_Fault_UserException_get_SPSR(raw)}};
}

// The architecture's own faults (or Other, with the label).
inline Fault decode_other_fault([[maybe_unused]] seL4_Fault_t raw, seL4_Word label) {
#ifdef CONFIG_ARM_HYPERVISOR_SUPPORT
    switch (seL4_Fault_get_seL4_FaultType(raw)) {
    case seL4_Fault_VGICMaintenance: {
        const seL4_Word index = seL4_Fault_VGICMaintenance_get_IDX(raw);
        return fault::VgicMaintenance{index, index != seL4_Word(-1)};
    }
    case seL4_Fault_VCPUFault:
        return fault::VcpuFault{seL4_Fault_VCPUFault_get_HSR(raw)};
    case seL4_Fault_VPPIEvent:
        return fault::VppiEvent{seL4_Fault_VPPIEvent_get_irq(raw)};
    default:
        break;
    }
#endif
    return fault::Other{label};
}

} // namespace sel4::arch
