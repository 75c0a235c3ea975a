    .section .text._start, "ax", @progbits
    .global _start
_start:
    leaq minimal_c_stack + 4096(%rip), %rsp
    pushq %rdi
    call minimal_c_set_tls
    popq %rdi
    call minimal_c_main
