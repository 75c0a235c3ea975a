/* Entered like seL4 on aarch32: r0-r3 = the first four boot arguments, the device tree's
 * address and size on the loader's stack (popped first, as seL4 does). */
    .syntax unified
    .arm
    .section .text._start, "ax", %progbits
    .global _start
    .type _start, %function
_start:
    pop {r4, r5}
    adr r6, _start              /* where we run: must be the virtual address */
    ldr sp, =stack + 8192
    push {r4, r5, r6}
    bl test_kernel_entry32
    .bss
    .balign 16
stack: .space 8192
