/* Root task entry on aarch64: x0 = boot info; no stack yet. No unwind information: backtraces
 * end in the runtime's start-up code, which has none either. */
    .section .text._start, "ax", %progbits
    .global _start
    .type _start, %function
_start:
    adrp x9, sel4_root_task_stack_top
    add sp, x9, :lo12:sel4_root_task_stack_top
    bl sel4_root_task_start
1:  b 1b
    .size _start, . - _start
