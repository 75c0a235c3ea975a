# seL4 userspace on aarch32 (ARMv7-A, VFPv3-D16, hard-float ABI), with Debian's
# arm-linux-gnueabihf g++ and the matching build of picolibc (thumb/v7-a+fp/hard).
# Our code is ARM (A32), not Thumb: the kernel restarts a preempted system call 4 bytes before
# the return address, which in Thumb code is the middle of the instruction before the svc.
# The prebuilt libraries (Thumb) make no system calls; calls between the two interwork.
# -Wno-psabi: GCC notes that 7.1 changed how some structures are passed; everything here is 12.
# The thread pointer is TPIDRURO, which GCC's code reads (-mtp=cp15, also in the prebuilt
# libstdc++) and the kernel sets through seL4_SetTLSBase: the kernel must be built with
# KernelArmTLSReg=tpidruro (TLS variant I, 8-byte TCB). Exceptions unwind through ARM EHABI
# tables (.ARM.exidx); picolibc uses small enums, which no interface between the two relies on.
set(SEL4_TOOLCHAIN_ARCH aarch32)
set(SEL4_CROSS_PREFIX arm-linux-gnueabihf-)
set(SEL4_ARCH_FLAGS "-march=armv7-a+fp -mfloat-abi=hard -marm -mtp=cp15 -Wno-psabi")
set(SEL4_LIBC picolibc)
set(SEL4_LIBC_INCLUDE /usr/lib/picolibc/arm-none-eabi/include)
set(SEL4_LIBC_LIB /usr/lib/picolibc/arm-none-eabi/lib/thumb/v7-a+fp/hard)
set(SEL4_ARCH_LINK_FLAGS "-Wl,--no-enum-size-warning")
include(${CMAKE_CURRENT_LIST_DIR}/sel4-common.cmake)
