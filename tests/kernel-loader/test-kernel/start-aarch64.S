    .section .text._start, "ax", %progbits
    .global _start
_start:
    adr x6, _start              /* where we run: must be the virtual address */
    adrp x9, stack + 8192
    add x9, x9, :lo12:(stack + 8192)
    mov sp, x9
    bl test_kernel_main
    .bss
    .balign 16
stack: .space 8192
