/* Root task entry on riscv32: a0 = boot info; no stack yet. gp must hold __global_pointer$
 * before any code that linker relaxation made gp-relative runs. */
    .section .text._start, "ax", %progbits
    .global _start
    .type _start, %function
_start:
    .cfi_startproc
    .cfi_undefined ra
    .option push
    .option norelax
    lla gp, __global_pointer$
    .option pop
    lla t0, sel4_root_task_stack_top
    lw sp, 0(t0)
    mv s0, zero
    mv ra, zero
    call sel4_root_task_start
1:  j 1b
    .cfi_endproc
    .size _start, . - _start
