/* The test root task: never run; its first bytes are a magic the test kernel looks for. */
    .section .text._start, "ax", %progbits
    .global _start
_start:
    .ascii "oot-task"
