/* PD entry on aarch64: the Microkit tool has set the stack pointer. */
    .section .text.start, "ax", %progbits
    .global _start
    .type _start, %function
_start:
    .cfi_startproc
    .cfi_undefined x30
    mov x29, xzr
    mov x30, xzr
    bl sel4_microkit_start
1:  b 1b
    .cfi_endproc
