/* riscv32 loader entry, in S-mode from the M-mode firmware: a0 = hart id, a1 = device tree.
 * Built without linker relaxation, so gp is not used. */
#define STACK_SIZE 8192

    .section .text._start, "ax", %progbits
    .global _start
_start:
    lla sp, loader_stack + STACK_SIZE
    li a1, 0                    /* loader_main's 64-bit hart id: a0 low, a1 high */
    call loader_main
1:  wfi
    j 1b

    .section .bss
    .balign 16
loader_stack:
    .space STACK_SIZE
