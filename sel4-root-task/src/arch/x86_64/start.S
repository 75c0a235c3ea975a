/* Root task entry on x86_64: rdi = boot info; no stack yet. The stack top is 16-byte aligned,
 * so after the call's return address the callee sees the ABI's alignment. */
    .section .text._start, "ax", @progbits
    .global _start
    .type _start, @function
_start:
    .cfi_startproc
    .cfi_undefined rip
    movq sel4_root_task_stack_top(%rip), %rsp
    xorq %rbp, %rbp
    call sel4_root_task_start
1:  hlt
    jmp 1b
    .cfi_endproc
    .size _start, . - _start
