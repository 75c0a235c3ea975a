# Bare-metal programs that run before seL4 (the kernel loader, its test kernel): the same
# cross compilers as seL4 userspace, but no C library, no exceptions, no floating point (the
# FPU may be off), strict alignment (the MMU is off at first), and no seL4 needed to build.
# Set SEL4_BARE_METAL_ARCH to aarch64, riscv64, aarch32 or riscv32.
if(NOT SEL4_BARE_METAL_ARCH MATCHES "^(aarch64|riscv64|aarch32|riscv32)$")
    message(FATAL_ERROR "bare-metal toolchain: set SEL4_BARE_METAL_ARCH to aarch64, riscv64, aarch32 or riscv32")
endif()
set(CMAKE_SYSTEM_NAME Generic)
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES SEL4_BARE_METAL_ARCH)
set(CMAKE_SYSTEM_PROCESSOR ${SEL4_BARE_METAL_ARCH})
if(SEL4_BARE_METAL_ARCH STREQUAL "aarch64")
    set(prefix aarch64-linux-gnu-)
    set(arch_flags "-mgeneral-regs-only -mstrict-align -mno-outline-atomics")
elseif(SEL4_BARE_METAL_ARCH STREQUAL "aarch32")
    # ARMv7-A with the virtualization extensions (HYP mode entry), Thumb-2; libgcc for 64-bit
    # division.
    set(prefix arm-linux-gnueabihf-)
    set(arch_flags "-march=armv7ve+fp -mthumb -mfloat-abi=hard -mgeneral-regs-only -mno-unaligned-access")
    set(link_libraries "-lgcc")
elseif(SEL4_BARE_METAL_ARCH STREQUAL "riscv32")
    # Debian's bare-metal RISC-V g++ (the Linux one has no rv32 libgcc) has no C++ headers:
    # the freestanding ones (<cstdint>, <atomic>) come from the riscv64 Linux g++ (with the
    # shims and picolibc for the few C headers they include).
    set(prefix riscv64-unknown-elf-)
    set(cxx_headers /usr/riscv64-linux-gnu/include/c++/12)
    set(arch_flags "-march=rv32imac_zicsr_zifencei -mabi=ilp32 -mcmodel=medany -mno-relax -isystem ${cxx_headers} -isystem ${cxx_headers}/riscv64-linux-gnu -isystem ${CMAKE_CURRENT_LIST_DIR}/shims -isystem /usr/lib/picolibc/riscv64-unknown-elf/include")
    set(link_libraries "-lgcc")
else()
    set(prefix riscv64-linux-gnu-)
    set(arch_flags "-march=rv64imafdc_zicsr_zifencei -mabi=lp64d -mcmodel=medany -mno-relax")
endif()
set(CMAKE_C_COMPILER ${prefix}gcc)
set(CMAKE_CXX_COMPILER ${prefix}g++)
set(CMAKE_ASM_COMPILER ${prefix}gcc)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(flags "-ffreestanding -fno-pie -fno-stack-protector -fno-exceptions -fno-asynchronous-unwind-tables -ffunction-sections -fdata-sections ${arch_flags}")
set(CMAKE_C_FLAGS_INIT "${flags}")
set(CMAKE_ASM_FLAGS_INIT "${flags}")
set(CMAKE_CXX_FLAGS_INIT "${flags} -fno-rtti -fno-threadsafe-statics")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-nostdlib -static -no-pie -Wl,--gc-sections -Wl,--build-id=none -Wl,-z,noexecstack")
set(CMAKE_CXX_STANDARD_LIBRARIES "${link_libraries}" CACHE STRING "" FORCE)
