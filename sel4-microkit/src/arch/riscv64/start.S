/* PD entry on riscv64: the Microkit tool has set the stack pointer; gp is ours to set. */
    .section .text.start, "ax", %progbits
    .global _start
    .type _start, %function
_start:
    .cfi_startproc
    .cfi_undefined ra
    .option push
    .option norelax
    lla gp, __global_pointer$
    .option pop
    mv s0, zero
    mv ra, zero
    call sel4_microkit_start
1:  j 1b
    .cfi_endproc
