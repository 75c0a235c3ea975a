    .section .text._start, "ax", %progbits
    .global _start
_start:
    adrp x9, minimal_c_stack + 4096
    add x9, x9, :lo12:minimal_c_stack + 4096
    mov sp, x9
    adrp x9, minimal_c_tls
    add x9, x9, :lo12:minimal_c_tls
    msr tpidr_el0, x9
    bl minimal_c_main
