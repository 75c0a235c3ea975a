/* Root task entry on aarch32 (ARM state): r0 = boot info; no stack yet. The stack top is
 * 8-byte aligned as the AAPCS wants. */
    .syntax unified
    .arm
    .section .text._start, "ax", %progbits
    .global _start
    .type _start, %function
_start:
    .fnstart
    .cantunwind
    ldr sp, =sel4_root_task_stack_top
    bl sel4_root_task_start
1:  b 1b
    .fnend
    .size _start, . - _start
