// Faults as typed values: what a fault handler receives, decoded from the fault message, with
// every field the architecture's kernel sends (sel4/arch/fault_registers.hpp), the MCS timeout
// fault, and the ARM hypervisor's VGIC, VCPU and virtual PPI faults.
#pragma once

#include <cstdint>
#include <variant>

#include <sel4/arch/fault_registers.hpp>
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
    seL4_Word ip;                     // where the thread was
    seL4_Word sp;                     // its stack pointer
    seL4_Word syscall;                // the system call number it asked for
    arch::SyscallRegisters registers; // the argument registers, as the architecture sends them
};
// The processor raised an exception the kernel passes to user level (an undefined
// instruction, a breakpoint, a division by zero).
struct UserException {
    seL4_Word ip;                       // where the thread was
    seL4_Word sp;                       // its stack pointer
    seL4_Word number;                   // the architecture's exception number
    seL4_Word code;                     // the architecture's exception code
    arch::ExceptionRegisters registers; // status registers, per architecture
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
    seL4_Word data;         // the scheduling context's badge
    std::uint64_t consumed; // the time it consumed
};
// ARM hypervisor kernels: a virtual CPU's GIC maintenance interrupt (index of the list
// register, or none), a trap of the virtual CPU (its HSR), a virtual PPI.
struct VgicMaintenance {
    seL4_Word index; // the list register
    bool has_index;  // false: the kernel gave no index
};
// A virtual CPU trapped.
struct VcpuFault {
    seL4_Word hsr; // the hypervisor syndrome register
};
// A virtual PPI (a per-core interrupt for the virtual CPU).
struct VppiEvent {
    seL4_Word irq; // its number
};
// A fault this decoder does not know: its raw label.
struct Other {
    seL4_Word label; // the fault message's label
};
} // namespace fault

// Any fault, as decode_fault() returns it.
using Fault =
    std::variant<fault::Null, fault::CapFault, fault::UnknownSyscall, fault::UserException,
                 fault::VmFault, fault::Timeout, fault::VgicMaintenance, fault::VcpuFault,
                 fault::VppiEvent, fault::Other>;

// A short name of the kind of fault, for messages.
inline const char* fault_name(const Fault& fault) {
    constexpr const char* names[] = {
        "null",    "capability fault", "unknown system call", "user exception", "VM fault",
        "timeout", "VGIC maintenance", "VCPU fault",          "virtual PPI",    "unknown fault"};
    return names[fault.index()];
}

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
        return fault::UnknownSyscall{
            seL4_Fault_UnknownSyscall_get_FaultIP(raw), arch::SyscallRegisters::sp_field(raw),
            seL4_Fault_UnknownSyscall_get_Syscall(raw),
            arch::SyscallRegisters::fields::read<arch::SyscallRegisters>(raw)};
    case seL4_Fault_UserException:
        return fault::UserException{
            seL4_Fault_UserException_get_FaultIP(raw), arch::ExceptionRegisters::sp_field(raw),
            seL4_Fault_UserException_get_Number(raw), seL4_Fault_UserException_get_Code(raw),
            arch::ExceptionRegisters::fields::read<arch::ExceptionRegisters>(raw)};
    case seL4_Fault_VMFault:
        return fault::VmFault{seL4_Fault_VMFault_get_IP(raw), seL4_Fault_VMFault_get_Addr(raw),
                              seL4_Fault_VMFault_get_FSR(raw),
                              seL4_Fault_VMFault_get_PrefetchFault(raw) != 0};
#ifdef CONFIG_KERNEL_MCS
    case seL4_Fault_Timeout:
#if CONFIG_WORD_SIZE == 32 // the kernel splits the 64-bit count into two words
        return fault::Timeout{seL4_Fault_Timeout_get_data(raw),
                              std::uint64_t{seL4_Fault_Timeout_get_consumed_high(raw)} << 32 |
                                  seL4_Fault_Timeout_get_consumed_low(raw)};
#else
        return fault::Timeout{seL4_Fault_Timeout_get_data(raw),
                              seL4_Fault_Timeout_get_consumed(raw)};
#endif
#endif
#ifdef CONFIG_ARM_HYPERVISOR_SUPPORT
    case seL4_Fault_VGICMaintenance: {
        const seL4_Word index = seL4_Fault_VGICMaintenance_get_IDX(raw);
        return fault::VgicMaintenance{index, index != seL4_Word(-1)};
    }
    case seL4_Fault_VCPUFault:
        return fault::VcpuFault{seL4_Fault_VCPUFault_get_HSR(raw)};
    case seL4_Fault_VPPIEvent:
        return fault::VppiEvent{seL4_Fault_VPPIEvent_get_irq(raw)};
#endif
    default:
        return fault::Other{info.label()};
    }
}

} // namespace sel4
