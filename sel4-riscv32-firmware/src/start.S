/* M-mode entry from QEMU's reset vector: a0 = hart id, a1 = device tree, a2 = QEMU's
 * fw_dynamic_info (the next stage's address and mode). Only hart 0 runs; others wait. */
#define STACK_SIZE 4096
#define FRAME (32 * 4)

    .section .text._start, "ax", %progbits
    .global _start
_start:
    bnez a0, park
    lla sp, firmware_stack + STACK_SIZE
    csrw mscratch, sp
    lla t0, trap_entry
    csrw mtvec, t0
    mv s1, a1
    call firmware_main          /* returns the S-mode entry in a0 */
    mv t0, a0
    csrw mepc, t0
    csrr a0, mhartid
    mv a1, s1
    mret
park:
    wfi
    j park

/* Every trap taken to M-mode: save the registers on the M-mode stack (mscratch), let
 * handle_trap read and change them, return where mepc points. */
    .balign 4
trap_entry:
    csrrw sp, mscratch, sp
    addi sp, sp, -FRAME
    sw ra, 1*4(sp)
    sw gp, 3*4(sp)
    sw tp, 4*4(sp)
    sw t0, 5*4(sp)
    sw t1, 6*4(sp)
    sw t2, 7*4(sp)
    sw s0, 8*4(sp)
    sw s1, 9*4(sp)
    sw a0, 10*4(sp)
    sw a1, 11*4(sp)
    sw a2, 12*4(sp)
    sw a3, 13*4(sp)
    sw a4, 14*4(sp)
    sw a5, 15*4(sp)
    sw a6, 16*4(sp)
    sw a7, 17*4(sp)
    sw s2, 18*4(sp)
    sw s3, 19*4(sp)
    sw s4, 20*4(sp)
    sw s5, 21*4(sp)
    sw s6, 22*4(sp)
    sw s7, 23*4(sp)
    sw s8, 24*4(sp)
    sw s9, 25*4(sp)
    sw s10, 26*4(sp)
    sw s11, 27*4(sp)
    sw t3, 28*4(sp)
    sw t4, 29*4(sp)
    sw t5, 30*4(sp)
    sw t6, 31*4(sp)
    csrr t0, mscratch           /* the interrupted sp */
    sw t0, 2*4(sp)
    mv a0, sp
    call handle_trap
    lw t0, 2*4(sp)
    addi t1, sp, FRAME
    csrw mscratch, t1
    lw ra, 1*4(sp)
    lw gp, 3*4(sp)
    lw tp, 4*4(sp)
    lw t0, 5*4(sp)
    lw t1, 6*4(sp)
    lw t2, 7*4(sp)
    lw s0, 8*4(sp)
    lw s1, 9*4(sp)
    lw a0, 10*4(sp)
    lw a1, 11*4(sp)
    lw a2, 12*4(sp)
    lw a3, 13*4(sp)
    lw a4, 14*4(sp)
    lw a5, 15*4(sp)
    lw a6, 16*4(sp)
    lw a7, 17*4(sp)
    lw s2, 18*4(sp)
    lw s3, 19*4(sp)
    lw s4, 20*4(sp)
    lw s5, 21*4(sp)
    lw s6, 22*4(sp)
    lw s7, 23*4(sp)
    lw s8, 24*4(sp)
    lw s9, 25*4(sp)
    lw s10, 26*4(sp)
    lw s11, 27*4(sp)
    lw t3, 28*4(sp)
    lw t4, 29*4(sp)
    lw t5, 30*4(sp)
    lw t6, 31*4(sp)
    lw sp, 2*4(sp)
    mret

    .section .bss
    .balign 16
firmware_stack:
    .space STACK_SIZE
