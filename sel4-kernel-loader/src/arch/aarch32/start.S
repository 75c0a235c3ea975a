/* aarch32 loader entry from QEMU (MMU off), in SVC or HYP mode. A kernel without hypervisor
 * support runs in SVC mode: from HYP, drop there first (as Linux's boot protocol would). */
#define STACK_SIZE 8192
#define MODE_MASK 0x1f
#define MODE_HYP 0x1a
#define MODE_SVC 0x13
#define IRQ_FIQ_ABORT_MASKED 0x1c0

    .syntax unified
    .arm
    .section .text._start, "ax", %progbits
    .global _start
    .type _start, %function
_start:
    mrs r4, cpsr
    and r5, r4, #MODE_MASK
    ldr r6, =loader_started_in_hyp
    mov r7, #0
    cmp r5, #MODE_HYP
    bne 1f
    mov r7, #1
    /* HYP: let SVC use the timer and coprocessors, then return to label 1 in SVC mode. */
    mrc p15, 4, r8, c14, c1, 0       /* CNTHCTL */
    orr r8, r8, #3                   /* PL1PCTEN, PL1PCEN */
    mcr p15, 4, r8, c14, c1, 0
    mov r8, #0
    mcrr p15, 4, r8, r8, c14         /* CNTVOFF = 0 */
    mcr p15, 4, r8, c1, c1, 0        /* HCR: no traps */
    mcr p15, 4, r8, c1, c1, 3        /* HSTR */
    ldr r8, =0x33ff
    mcr p15, 4, r8, c1, c1, 2        /* HCPTR: no coprocessor traps */
    bic r8, r4, #MODE_MASK
    orr r8, r8, #MODE_SVC
    orr r8, r8, #IRQ_FIQ_ABORT_MASKED
    msr spsr_cxsf, r8                /* SPSR_hyp: the current mode's */
    adr r8, 1f
    msr elr_hyp, r8
    eret
1:  str r7, [r6]
    cpsid aif
    ldr sp, =loader_stack + STACK_SIZE
    mov r0, #0
    mov r1, #0
    bl loader_main
2:  wfe
    b 2b

/* Secondary cores, started through PSCI CPU_ON in SVC mode: r0 = core id (the context id). */
    .global secondary_start
    .type secondary_start, %function
secondary_start:
    cpsid aif
    ldr r1, =loader_stack + STACK_SIZE
    mov r2, #STACK_SIZE
    mla r1, r2, r0, r1
    mov sp, r1
    bl secondary_main
3:  wfe
    b 3b

/* Enters the kernel: r0-r3 = seL4's first four boot arguments, [sp] = the device tree's
 * address and size (the kernel pops them first), r12 = its entry (ARM state). */
    .global enter_kernel_with_mmu
    .type enter_kernel_with_mmu, %function
enter_kernel_with_mmu:
    /* r0-r3: boot arguments, stack: dtb, size, entry, table */
    pop {r4-r7}
    push {r4, r5}
    mov r12, r6
    mov r8, #0
    mcr p15, 0, r8, c2, c0, 2        /* TTBCR: short descriptors, TTBR0 for everything */
    orr r7, r7, #0x4a                /* TTBR0 walks: inner WB-WA, outer WB-WA, shareable */
    mcr p15, 0, r7, c2, c0, 0
    ldr r8, =0x55555555              /* DACR: every domain "client", checked against AP */
    mcr p15, 0, r8, c3, c0, 0
    mov r8, #0
    mcr p15, 0, r8, c8, c7, 0        /* TLBIALL */
    mcr p15, 0, r8, c7, c5, 0        /* ICIALLU */
    dsb
    isb
    mrc p15, 0, r8, c1, c0, 0
    orr r8, r8, #1                   /* SCTLR.M */
    mcr p15, 0, r8, c1, c0, 0
    isb
    bx r12

    .section .bss
    .balign 16
    .global loader_stack
loader_stack:
    .space STACK_SIZE * SEL4_MAX_NUM_NODES

    .section .data
    .balign 4
    .global loader_started_in_hyp
loader_started_in_hyp:
    .space 4
