/* Root task entry on riscv32: a0 = boot info; no stack yet. gp must hold __global_pointer$
 * before any code that linker relaxation made gp-relative runs. No unwind information:
 * backtraces end in the runtime's start-up code, which has none either. */
    .section .text._start, "ax", %progbits
    .global _start
    .type _start, %function
_start:
    .option push
    .option norelax
    lla gp, __global_pointer$
    .option pop
    lla sp, sel4_root_task_stack_top
    call sel4_root_task_start
1:  j 1b
    .size _start, . - _start
