/* libmicrokit's C API (Microkit 2.0-2.2), served by the seL4 C++ PD runtime: an existing C
 * protection domain builds against this header unchanged, and C++ code can include it too
 * (the entry point C calls `protected` is `microkit_protected` in C++; the symbol is the same).
 * Channel checks and deferred signals are the C++ runtime's: using a channel the PD does not
 * have stops the PD with a message naming both. */
#ifndef SEL4_CPP_MICROKIT_H
#define SEL4_CPP_MICROKIT_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#include <sel4/sel4.h>

typedef unsigned int microkit_channel;
typedef unsigned int microkit_child;
typedef seL4_MessageInfo_t microkit_msginfo;

#include <sel4/microkit/slots.h>
#define MICROKIT_MAX_CHANNEL_ID (MICROKIT_MAX_CHANNELS - 1)
#define MICROKIT_PD_NAME_LENGTH 64

/* The PD's entry points. */
void init(void);
void notified(microkit_channel ch);
#ifdef __cplusplus
microkit_msginfo microkit_protected(microkit_channel ch,
                                    microkit_msginfo msginfo) __asm__("protected");
#else
microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo);
#endif
seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo* reply_msginfo);

/* Patched by the Microkit tool. */
extern char microkit_name[MICROKIT_PD_NAME_LENGTH];
extern bool microkit_passive;

void microkit_dbg_putc(int c);
void microkit_dbg_puts(const char* s);
void microkit_dbg_put8(seL4_Uint8 x);
void microkit_dbg_put32(seL4_Uint32 x);

/* The runtime's operations (sel4-microkit/src/c_api.cpp). */
void sel4_microkit_notify(microkit_channel ch);
void sel4_microkit_irq_ack(microkit_channel ch);
microkit_msginfo sel4_microkit_ppcall(microkit_channel ch, microkit_msginfo msginfo);
void sel4_microkit_deferred_notify(microkit_channel ch);
void sel4_microkit_deferred_irq_ack(microkit_channel ch);
void sel4_microkit_pd_restart(microkit_child pd, seL4_Word entry_point);
void sel4_microkit_pd_stop(microkit_child pd);
void sel4_microkit_internal_crash(seL4_Error err);

static inline void microkit_internal_crash(seL4_Error err) {
    sel4_microkit_internal_crash(err);
}
static inline void microkit_notify(microkit_channel ch) {
    sel4_microkit_notify(ch);
}
static inline void microkit_irq_ack(microkit_channel ch) {
    sel4_microkit_irq_ack(ch);
}
static inline void microkit_pd_restart(microkit_child pd, seL4_Word entry_point) {
    sel4_microkit_pd_restart(pd, entry_point);
}
static inline void microkit_pd_stop(microkit_child pd) {
    sel4_microkit_pd_stop(pd);
}
static inline microkit_msginfo microkit_ppcall(microkit_channel ch, microkit_msginfo msginfo) {
    return sel4_microkit_ppcall(ch, msginfo);
}
static inline microkit_msginfo microkit_msginfo_new(seL4_Word label, seL4_Uint16 count) {
    return seL4_MessageInfo_new(label, 0, 0, count);
}
static inline seL4_Word microkit_msginfo_get_label(microkit_msginfo msginfo) {
    return seL4_MessageInfo_get_label(msginfo);
}
static inline seL4_Word microkit_msginfo_get_count(microkit_msginfo msginfo) {
    return seL4_MessageInfo_get_length(msginfo);
}
static inline void microkit_mr_set(seL4_Uint8 mr, seL4_Word value) {
    seL4_SetMR(mr, value);
}
static inline seL4_Word microkit_mr_get(seL4_Uint8 mr) {
    return seL4_GetMR(mr);
}
static inline void microkit_deferred_notify(microkit_channel ch) {
    sel4_microkit_deferred_notify(ch);
}
static inline void microkit_deferred_irq_ack(microkit_channel ch) {
    sel4_microkit_deferred_irq_ack(ch);
}

#if defined(CONFIG_ARM_HYPERVISOR_SUPPORT)
/* Virtual CPUs of a PD's virtual machine. Failures stop the PD, as in libmicrokit. */
static inline void microkit_vcpu_restart(microkit_child vcpu, seL4_Word entry_point)
{
    seL4_UserContext context;
    __builtin_memset(&context, 0, sizeof context);
    context.pc = entry_point;
    if (seL4_TCB_WriteRegisters(BASE_VM_TCB_CAP + vcpu, seL4_True, 0, 1, &context) != seL4_NoError) {
        microkit_dbg_puts("microkit_vcpu_restart: cannot write the VM's registers\n");
        microkit_internal_crash(seL4_IllegalOperation);
    }
}
static inline void microkit_vcpu_stop(microkit_child vcpu)
{
    if (seL4_TCB_Suspend(BASE_VM_TCB_CAP + vcpu) != seL4_NoError) {
        microkit_dbg_puts("microkit_vcpu_stop: cannot suspend the VM\n");
        microkit_internal_crash(seL4_IllegalOperation);
    }
}
static inline void microkit_vcpu_arm_inject_irq(microkit_child vcpu, seL4_Uint16 irq, seL4_Uint8 priority,
                                                seL4_Uint8 group, seL4_Uint8 index)
{
    seL4_Error error = seL4_ARM_VCPU_InjectIRQ(BASE_VCPU_CAP + vcpu, irq, priority, group, index);
    if (error != seL4_NoError) {
        microkit_dbg_puts("microkit_vcpu_arm_inject_irq: the kernel refused\n");
        microkit_internal_crash(error);
    }
}
static inline void microkit_vcpu_arm_ack_vppi(microkit_child vcpu, seL4_Word irq)
{
    seL4_Error error = seL4_ARM_VCPU_AckVPPI(BASE_VCPU_CAP + vcpu, irq);
    if (error != seL4_NoError) {
        microkit_dbg_puts("microkit_vcpu_arm_ack_vppi: the kernel refused\n");
        microkit_internal_crash(error);
    }
}
static inline seL4_Word microkit_vcpu_arm_read_reg(microkit_child vcpu, seL4_Word reg)
{
    seL4_ARM_VCPU_ReadRegs_t result = seL4_ARM_VCPU_ReadRegs(BASE_VCPU_CAP + vcpu, (seL4_VCPUReg)reg);
    if (result.error != seL4_NoError) {
        microkit_dbg_puts("microkit_vcpu_arm_read_reg: the kernel refused\n");
        microkit_internal_crash((seL4_Error)result.error);
    }
    return result.value;
}
static inline void microkit_vcpu_arm_write_reg(microkit_child vcpu, seL4_Word reg, seL4_Word value)
{
    seL4_Error error = seL4_ARM_VCPU_WriteRegs(BASE_VCPU_CAP + vcpu, (seL4_VCPUReg)reg, value);
    if (error != seL4_NoError) {
        microkit_dbg_puts("microkit_vcpu_arm_write_reg: the kernel refused\n");
        microkit_internal_crash(error);
    }
}
#endif

#if defined(CONFIG_ALLOW_SMC_CALLS)
static inline void microkit_arm_smc_call(seL4_ARM_SMCContext *args, seL4_ARM_SMCContext *response)
{
    seL4_Error error = seL4_ARM_SMC_Call(ARM_SMC_CAP, args, response);
    if (error != seL4_NoError) {
        microkit_dbg_puts("microkit_arm_smc_call: the kernel refused\n");
        microkit_internal_crash(error);
    }
}
#endif

#ifdef __cplusplus
}
#endif

#endif
