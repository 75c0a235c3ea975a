# seL4 userspace on riscv64 (RV64GC, lp64d ABI), with Debian's riscv64-linux-gnu g++ and the
# rv64imafdc/lp64d build of picolibc. medany: the image may sit anywhere in the address space.
# The thread pointer is tp (TLS variant I, no TCB); gp is set to __global_pointer$ at entry.
set(SEL4_TOOLCHAIN_ARCH riscv64)
set(SEL4_CROSS_PREFIX riscv64-linux-gnu-)
set(SEL4_ARCH_FLAGS "-march=rv64imafdc -mabi=lp64d -mcmodel=medany")
set(SEL4_LIBC picolibc)
set(SEL4_LIBC_INCLUDE /usr/lib/picolibc/riscv64-unknown-elf/include)
set(SEL4_LIBC_LIB /usr/lib/picolibc/riscv64-unknown-elf/lib/rv64imafdc/lp64d)
include(${CMAKE_CURRENT_LIST_DIR}/sel4-common.cmake)
