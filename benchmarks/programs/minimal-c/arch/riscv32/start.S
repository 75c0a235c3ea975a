    .section .text._start, "ax", %progbits
    .global _start
_start:
    .option push
    .option norelax
    lla gp, __global_pointer$
    .option pop
    lla sp, minimal_c_stack + 4096
    lla tp, minimal_c_tls
    call minimal_c_main
