/* Entered like seL4 on riscv32: a0-a5 = the boot arguments, words. */
    .section .text._start, "ax", %progbits
    .global _start
_start:
    auipc a6, 0                 /* where we run: must be the virtual address */
    lla sp, stack + 8192
    call test_kernel_entry32
    .bss
    .balign 16
stack: .space 8192
