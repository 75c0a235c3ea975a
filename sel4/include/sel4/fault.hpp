// Faults as typed values: what a fault handler receives, decoded from the fault message.
#pragma once

#include <variant>

#include <sel4/message.hpp>
#include <sel4/sys.hpp>

namespace sel4 {

namespace fault {
struct Null {};
struct CapFault {
    seL4_Word ip, address;
    bool in_receive_phase;
    seL4_Word lookup_failure_type;
};
struct UnknownSyscall {
    seL4_Word ip, syscall;
};
struct UserException {
    seL4_Word ip, number, code;
};
struct VmFault {
    seL4_Word ip, address, status;
    bool instruction_fetch;
};
struct Timeout {
    seL4_Word data;
};
// Architecture-specific faults (hypervisor extensions and the like): their raw label.
struct Other {
    seL4_Word label;
};
} // namespace fault

using Fault = std::variant<fault::Null, fault::CapFault, fault::UnknownSyscall,
                           fault::UserException, fault::VmFault, fault::Timeout, fault::Other>;

// Decodes the message a fault handler received (from the IPC buffer's message registers).
inline Fault decode_fault(MessageInfo info) {
    const seL4_Fault_t raw = seL4_getFault(info.raw());
    switch (seL4_Fault_get_seL4_FaultType(raw)) {
    case seL4_Fault_NullFault:
        return fault::Null{};
    case seL4_Fault_CapFault:
        return fault::CapFault{seL4_Fault_CapFault_get_IP(raw), seL4_Fault_CapFault_get_Addr(raw),
                               seL4_Fault_CapFault_get_InRecvPhase(raw) != 0,
                               seL4_Fault_CapFault_get_LookupFailureType(raw)};
    case seL4_Fault_UnknownSyscall:
        return fault::UnknownSyscall{seL4_Fault_UnknownSyscall_get_FaultIP(raw),
                                     seL4_Fault_UnknownSyscall_get_Syscall(raw)};
    case seL4_Fault_UserException:
        return fault::UserException{seL4_Fault_UserException_get_FaultIP(raw),
                                    seL4_Fault_UserException_get_Number(raw),
                                    seL4_Fault_UserException_get_Code(raw)};
    case seL4_Fault_VMFault:
        return fault::VmFault{seL4_Fault_VMFault_get_IP(raw), seL4_Fault_VMFault_get_Addr(raw),
                              seL4_Fault_VMFault_get_FSR(raw),
                              seL4_Fault_VMFault_get_PrefetchFault(raw) != 0};
#ifdef CONFIG_KERNEL_MCS
    case seL4_Fault_Timeout:
        return fault::Timeout{seL4_Fault_Timeout_get_data(raw)};
#endif
    default:
        return fault::Other{info.label()};
    }
}

} // namespace sel4
