# seL4 userspace on riscv32 (RV32GC, ilp32d ABI), with Debian's riscv64-unknown-elf g++ (its
# rv32imafdc/ilp32d multilib of libgcc, which holds the unwinder) and picolibc, and GCC's
# libstdc++ built for rv32 by scripts/setup/libstdcxx-riscv32.sh (Debian ships none).
# medany: the image may sit anywhere in the address space. The thread pointer is tp (TLS
# variant I, no TCB); gp is set to __global_pointer$ at entry.
set(SEL4_TOOLCHAIN_ARCH riscv32)
set(SEL4_CROSS_PREFIX riscv64-unknown-elf-)
# _GNU_SOURCE: what the Linux g++ of the other architectures predefines (POSIX declarations
# such as posix_memalign in picolibc's headers). libstdc++'s configure for newlib assumes no
# aligned_alloc; picolibc has it, so <cstdlib> may export it. _POSIX_TIMERS and
# _POSIX_MONOTONIC_CLOCK: picolibc declares clock_gettime, nanosleep and CLOCK_MONOTONIC only
# then; the runtime defines them, and libstdc++'s <thread> and <chrono> call them. No weak
# references to the pthread calls (the runtime always defines them), as the library was built.
set(SEL4_ARCH_FLAGS "-march=rv32imafdc -mabi=ilp32d -mcmodel=medany -D_GNU_SOURCE -D_GLIBCXX_HAVE_ALIGNED_ALLOC=1 -D_POSIX_TIMERS=200809L -D_POSIX_MONOTONIC_CLOCK=200809L -D_GLIBCXX_GTHREAD_USE_WEAK=0")
set(SEL4_LIBC picolibc)
set(SEL4_LIBC_INCLUDE /usr/lib/picolibc/riscv64-unknown-elf/include)
set(SEL4_LIBC_LIB /usr/lib/picolibc/riscv64-unknown-elf/lib/rv32imafdc/ilp32d)
set(libstdcxx ${LIBSTDCXX_RISCV32_PREFIX})
if(NOT libstdcxx)
    set(libstdcxx /usr/local/libstdcxx-riscv32)
endif()
file(GLOB SEL4_CXX_INCLUDE_DIRS LIST_DIRECTORIES true "${libstdcxx}/include/c++/*")
if(NOT SEL4_CXX_INCLUDE_DIRS OR NOT EXISTS "${libstdcxx}/lib/libstdc++.a")
    message(FATAL_ERROR "seL4 C++ toolchain: no libstdc++ for riscv32 in '${libstdcxx}'. "
                        "Run scripts/setup.sh (it builds one from Debian's gcc-12 source).")
endif()
list(APPEND SEL4_CXX_INCLUDE_DIRS "${SEL4_CXX_INCLUDE_DIRS}/riscv64-unknown-elf"
            "${SEL4_CXX_INCLUDE_DIRS}/backward")
set(SEL4_LIBSTDCXX "${libstdcxx}/lib/libstdc++.a")
# The shim of the Linux libstdc++'s locale header does not apply: this one has its own.
set(SEL4_CXX_SHIMS OFF)
set(SEL4_GCC_INCLUDE_FIXED ON)
# The bare-metal libgcc's unwinder finds frames that crtbegin.o registers (from .init_array,
# which the runtime runs); crtend.o ends .eh_frame. Its linker has no --eh-frame-hdr.
set(SEL4_EH_FRAME_HDR OFF)
execute_process(COMMAND ${SEL4_CROSS_PREFIX}gcc -march=rv32imafdc -mabi=ilp32d -print-file-name=crtbegin.o
                OUTPUT_VARIABLE crtbegin OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND ${SEL4_CROSS_PREFIX}gcc -march=rv32imafdc -mabi=ilp32d -print-file-name=crtend.o
                OUTPUT_VARIABLE crtend OUTPUT_STRIP_TRAILING_WHITESPACE)
set(SEL4_ARCH_LINK_FLAGS "${crtbegin}")
set(SEL4_ARCH_LINK_END "${crtend}")
include(${CMAKE_CURRENT_LIST_DIR}/sel4-common.cmake)
