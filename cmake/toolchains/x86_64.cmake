# seL4 userspace on x86_64, with the host's g++ and newlib (Debian has no x86_64 picolibc;
# scripts/setup.sh builds newlib from Debian's source package).
# The thread pointer is FS, set through seL4_SetTLSBase (TLS variant II).
set(SEL4_TOOLCHAIN_ARCH x86_64)
set(SEL4_CROSS_PREFIX "")
set(SEL4_ARCH_FLAGS "-march=x86-64 -mno-red-zone")
set(SEL4_LIBC newlib)
if(NOT DEFINED ENV{NEWLIB_X86_64_PREFIX})
    set(newlib_prefix /usr/local/newlib-x86_64)
else()
    set(newlib_prefix "$ENV{NEWLIB_X86_64_PREFIX}")
endif()
set(SEL4_LIBC_INCLUDE ${newlib_prefix}/x86_64-elf/include)
set(SEL4_LIBC_LIB ${newlib_prefix}/x86_64-elf/lib)
include(${CMAKE_CURRENT_LIST_DIR}/sel4-common.cmake)
