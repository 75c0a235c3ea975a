    .syntax unified
    .arm
    .section .text._start, "ax", %progbits
    .global _start
_start:
    ldr sp, =minimal_c_stack + 4096
    push {r0, r1}
    bl minimal_c_set_tls
    pop {r0, r1}
    bl minimal_c_main
