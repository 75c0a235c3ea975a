# seL4 userspace on aarch64, with Debian's aarch64-linux-gnu g++ and picolibc.
# Outline atomics are off: their runtime CPU check reads Linux's auxiliary vector.
# The thread pointer is TPIDR_EL0 (TLS variant I, 16-byte TCB).
set(SEL4_TOOLCHAIN_ARCH aarch64)
set(SEL4_CROSS_PREFIX aarch64-linux-gnu-)
set(SEL4_ARCH_FLAGS "-mno-outline-atomics")
set(SEL4_LIBC picolibc)
set(SEL4_LIBC_INCLUDE /usr/lib/picolibc/aarch64-linux-gnu/include)
set(SEL4_LIBC_LIB /usr/lib/picolibc/aarch64-linux-gnu/lib)
include(${CMAKE_CURRENT_LIST_DIR}/sel4-common.cmake)
