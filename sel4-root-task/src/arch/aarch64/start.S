/* Root task entry on aarch64: x0 = boot info; no stack yet. */
    .section .text._start, "ax", %progbits
    .global _start
    .type _start, %function
_start:
    .cfi_startproc
    .cfi_undefined x30
    adrp x9, sel4_root_task_stack_top
    ldr x9, [x9, :lo12:sel4_root_task_stack_top]
    mov sp, x9
    mov x29, xzr
    mov x30, xzr
    bl sel4_root_task_start
1:  b 1b
    .cfi_endproc
    .size _start, . - _start
