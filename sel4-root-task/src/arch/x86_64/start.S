/* Root task entry on x86_64: rdi = boot info; no stack yet. The stack top is 16-byte aligned,
 * so after the call's return address the callee sees the ABI's alignment. No unwind
 * information: backtraces end in the runtime's start-up code, which has none either. */
    .section .text._start, "ax", @progbits
    .global _start
    .type _start, @function
_start:
    leaq sel4_root_task_stack_top(%rip), %rsp
    call sel4_root_task_start
1:  hlt
    jmp 1b
    .size _start, . - _start
