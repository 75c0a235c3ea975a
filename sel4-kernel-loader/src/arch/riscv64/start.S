/* riscv64 loader entry, in S-mode from OpenSBI: a0 = hart id, a1 = firmware's device tree.
 * The loader is built without linker relaxation, so gp is not used. */
#define STACK_SIZE 8192

    .section .text._start, "ax", %progbits
    .global _start
_start:
    lla sp, loader_stacks + STACK_SIZE
    call loader_main
1:  wfi
    j 1b

/* Secondary harts, started through SBI HSM: a0 = hart id, a1 = core id (the opaque value). */
    .global secondary_start
secondary_start:
    lla sp, loader_stacks + STACK_SIZE
    li t0, STACK_SIZE
    mul t0, t0, a1
    add sp, sp, t0
    call secondary_main
1:  wfi
    j 1b

    .section .bss
    .balign 16
    .global loader_stacks
loader_stacks:
    .space STACK_SIZE * SEL4_MAX_NUM_NODES
