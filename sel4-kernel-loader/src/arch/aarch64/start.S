/* aarch64 loader entry from QEMU (MMU off), at EL1 or EL2. */
#define STACK_SIZE 8192

    .section .text._start, "ax", %progbits
    .global _start
_start:
    adrp x9, loader_stacks + STACK_SIZE
    add x9, x9, :lo12:(loader_stacks + STACK_SIZE)
    mov sp, x9
    mov x0, xzr
    bl loader_main
1:  wfe
    b 1b

/* Secondary cores, started through PSCI CPU_ON: x0 = core id (the context id). */
    .global secondary_start
secondary_start:
    adrp x9, loader_stacks + STACK_SIZE
    add x9, x9, :lo12:(loader_stacks + STACK_SIZE)
    mov x10, #STACK_SIZE
    madd x9, x10, x0, x9
    mov sp, x9
    bl secondary_main
1:  wfe
    b 1b

/* From EL2 to EL1 for a kernel built without hypervisor support: EL1 gets the timer, no
 * traps to EL2, AArch64; returns to the caller at EL1 on the same stack. */
    .text
    .global drop_to_el1
drop_to_el1:
    mov x9, #(1 << 31)              /* HCR_EL2.RW: EL1 is AArch64 */
    msr hcr_el2, x9
    mrs x9, cnthctl_el2
    orr x9, x9, #3                  /* EL1PCTEN, EL1PCEN */
    msr cnthctl_el2, x9
    msr cntvoff_el2, xzr
    mov x9, #0x33ff                 /* CPTR_EL2: no FP/SIMD traps */
    msr cptr_el2, x9
    msr hstr_el2, xzr
    ldr x9, =0x30d00800             /* SCTLR_EL1 reserved-one bits, MMU off */
    msr sctlr_el1, x9
    mov x9, sp
    msr sp_el1, x9
    msr elr_el2, x30
    mov x9, #0x3c5                  /* EL1h, interrupts masked */
    msr spsr_el2, x9
    isb
    eret

    .section .bss
    .balign 16
    .global loader_stacks
loader_stacks:
    .space STACK_SIZE * SEL4_MAX_NUM_NODES
