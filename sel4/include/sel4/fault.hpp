// Faults as typed values: what a fault handler receives, decoded from the fault message.
#pragma once

#include <variant>

#include <sel4/message.hpp>
#include <sel4/sys.hpp>

namespace sel4 {

// One struct per kind of fault the kernel reports; ip is the faulting instruction's address.
namespace fault {
// No fault: the message was not a fault message.
struct Null {};
// A capability the thread used could not be looked up.
struct CapFault {
    seL4_Word ip;                  // where the thread was
    seL4_Word address;             // the capability address that failed
    bool in_receive_phase;         // failed while receiving (the receive slot), not sending
    seL4_Word lookup_failure_type; // seL4_LookupFailureType: why the lookup failed
};
// The thread made a system call the kernel does not know.
struct UnknownSyscall {
    seL4_Word ip;      // where the thread was
    seL4_Word syscall; // the system call number it asked for
};
// The processor raised an exception the kernel passes to user level (e.g. a division by zero).
struct UserException {
    seL4_Word ip;     // where the thread was
    seL4_Word number; // the architecture's exception number
    seL4_Word code;   // the architecture's exception code
};
// A memory access the thread's address space does not allow or map.
struct VmFault {
    seL4_Word ip;           // where the thread was
    seL4_Word address;      // the address accessed
    seL4_Word status;       // the architecture's fault status (e.g. ESR, scause, error code)
    bool instruction_fetch; // the access fetched an instruction
};
// MCS: the thread's scheduling context ran out of budget (its timeout handler is told).
struct Timeout {
    seL4_Word data; // the scheduling context's badge
};
// Architecture-specific faults (hypervisor extensions and the like): their raw label.
struct Other {
    seL4_Word label; // the fault message's label (seL4_Fault_*)
};
} // namespace fault

// Any fault, decoded: one alternative per kind.
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
