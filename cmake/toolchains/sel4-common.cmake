# Shared part of the per-architecture toolchain files for seL4 userspace. The including file sets:
#   SEL4_TOOLCHAIN_ARCH   x86_64 | aarch64 | riscv64 | aarch32 | riscv32
#   SEL4_CROSS_PREFIX     prefix of the GNU tools ("" for the host's)
#   SEL4_ARCH_FLAGS       per-architecture code generation flags
#   SEL4_LIBC             picolibc | newlib
#   SEL4_LIBC_INCLUDE     the C library's headers
#   SEL4_LIBC_LIB         the directory with its libc.a and libm.a
#   SEL4_ARCH_LINK_FLAGS  per-architecture link flags (optional)
#   SEL4_CXX_INCLUDE_DIRS, SEL4_LIBSTDCXX  a libstdc++ other than the compiler's (optional)
#   SEL4_CXX_SHIMS        OFF: not the shims for the Linux libstdc++'s headers (optional)
#   SEL4_GCC_INCLUDE_FIXED ON: the compiler's include-fixed too (optional)
#   SEL4_EH_FRAME_HDR     OFF: no .eh_frame_hdr (optional)
#   SEL4_ARCH_LINK_END    objects linked last (optional)
#
# What every seL4 userspace program is built as (the counterpart of rust-sel4's target specs):
# static, non-PIE, no dynamic loader, thread-local storage in the local-exec model (one static
# image, TLS set up by our runtime), the C library above instead of glibc, and GCC's own libstdc++,
# libsupc++, libgcc and libgcc_eh (exceptions and unwinding) linked statically.

include_guard(GLOBAL)
list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}/..")
include(Sel4Discovery)
sel4_discover()
if(NOT SEL4_ARCH STREQUAL SEL4_TOOLCHAIN_ARCH)
    message(FATAL_ERROR "seL4 discovery: the kernel in '${SEL4_GEN_CONFIG_JSON}' is configured for "
                        "SEL4_ARCH=${SEL4_ARCH}, but this toolchain file targets "
                        "${SEL4_TOOLCHAIN_ARCH}. Use the ${SEL4_ARCH} preset, or "
                        "cmake/toolchains/sel4.cmake, which picks the architecture itself.")
endif()

set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR ${SEL4_TOOLCHAIN_ARCH})
set(CMAKE_C_COMPILER ${SEL4_CROSS_PREFIX}gcc)
set(CMAKE_CXX_COMPILER ${SEL4_CROSS_PREFIX}g++)
set(CMAKE_ASM_COMPILER ${SEL4_CROSS_PREFIX}gcc)
set(CMAKE_OBJCOPY ${SEL4_CROSS_PREFIX}objcopy CACHE FILEPATH "")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES SEL4_PREFIX SEL4_INCLUDE_DIRS SEL4_PLATFORM_INFO SEL4_KERNEL)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)

foreach(dir "${SEL4_LIBC_INCLUDE}" "${SEL4_LIBC_LIB}/libc.a")
    if(NOT EXISTS "${dir}")
        message(FATAL_ERROR "seL4 C++ toolchain: '${dir}' (${SEL4_LIBC} for ${SEL4_TOOLCHAIN_ARCH}) "
                            "does not exist. Run scripts/setup.sh.")
    endif()
endforeach()

# The compiler's own C++ and builtin header dirs, without the glibc dirs after them.
separate_arguments(arch_flag_list UNIX_COMMAND "${SEL4_ARCH_FLAGS}")
execute_process(COMMAND ${CMAKE_CXX_COMPILER} ${arch_flag_list} -xc++ -E -v -
                INPUT_FILE /dev/null OUTPUT_QUIET ERROR_VARIABLE search_report
                RESULT_VARIABLE search_result)
if(NOT search_result EQUAL 0)
    message(FATAL_ERROR "seL4 C++ toolchain: cannot run ${CMAKE_CXX_COMPILER}. Run scripts/setup.sh.")
endif()
string(REGEX REPLACE ".*search starts here:\n(.*)End of search list.*" "\\1" search_dirs
                     "${search_report}")
string(REPLACE "\n" ";" search_dirs "${search_dirs}")
set(cxx_dirs "")
set(gcc_dir "")
set(gcc_fixed_dir "")
foreach(dir IN LISTS search_dirs)
    string(STRIP "${dir}" dir)
    get_filename_component(dir "${dir}" REALPATH)
    if(dir MATCHES "/c\\+\\+/")
        list(APPEND cxx_dirs "${dir}")
    elseif(dir MATCHES "/gcc(-cross)?/[^/]+/[0-9.]+/include$")
        set(gcc_dir "${dir}")
    elseif(dir MATCHES "/gcc(-cross)?/[^/]+/[0-9.]+/include-fixed$")
        set(gcc_fixed_dir "${dir}")
    endif()
endforeach()

if(SEL4_CXX_INCLUDE_DIRS)
    set(cxx_dirs ${SEL4_CXX_INCLUDE_DIRS})
endif()
set(SEL4_TOOLCHAIN_SHIMS "${CMAKE_CURRENT_LIST_DIR}/shims")
set(c_includes "-isystem ${SEL4_TOOLCHAIN_SHIMS} -isystem ${gcc_dir}")
if(SEL4_GCC_INCLUDE_FIXED) # a bare-metal compiler's limits.h, which picolibc's includes next
    string(APPEND c_includes " -isystem ${gcc_fixed_dir}")
endif()
string(APPEND c_includes " -isystem ${SEL4_LIBC_INCLUDE}")
set(cxx_includes "")
if(NOT DEFINED SEL4_CXX_SHIMS OR SEL4_CXX_SHIMS)
    set(cxx_includes "-isystem ${SEL4_TOOLCHAIN_SHIMS}/cxx ")
endif()
foreach(dir IN LISTS cxx_dirs)
    string(APPEND cxx_includes "-isystem ${dir} ")
endforeach()
string(APPEND cxx_includes "${c_includes}")

set(common_flags "-fno-pie -fno-stack-protector -ftls-model=local-exec -ffunction-sections -fdata-sections -nostdinc ${SEL4_ARCH_FLAGS}")
set(CMAKE_C_FLAGS_INIT "${common_flags} ${c_includes}")
set(CMAKE_ASM_FLAGS_INIT "${common_flags} ${c_includes}")
set(CMAKE_CXX_FLAGS_INIT "${common_flags} ${cxx_includes}")
# Unwinders that look frames up through PT_GNU_EH_FRAME need .eh_frame_hdr; a bare-metal libgcc
# finds them through crtbegin.o's registration instead (SEL4_EH_FRAME_HDR OFF).
set(eh_frame_hdr "-Wl,--eh-frame-hdr")
if(DEFINED SEL4_EH_FRAME_HDR AND NOT SEL4_EH_FRAME_HDR)
    set(eh_frame_hdr "")
endif()
# The TLS segment described at link time, used in place by the initial thread (sel4-image.ld);
# Microkit PDs have it in their own linker script.
set(tls_script "")
if(NOT SEL4_MICROKIT_SDK)
    set(tls_script "-Wl,-T,${CMAKE_CURRENT_LIST_DIR}/sel4-image.ld")
endif()
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "-nostdlib -static -no-pie ${eh_frame_hdr} -Wl,-z,max-page-size=0x1000 -Wl,--gc-sections -Wl,--build-id=none -Wl,-z,noexecstack ${tls_script} ${SEL4_ARCH_LINK_FLAGS}")
# A build directory configured before sel4-image.ld existed has link flags without it (and, on
# x86_64, naming the x86_64-tls.ld it replaced): start them again from these.
if(tls_script AND DEFINED CACHE{CMAKE_EXE_LINKER_FLAGS} AND
   NOT "$CACHE{CMAKE_EXE_LINKER_FLAGS}" MATCHES "sel4-image\\.ld")
    set(CMAKE_EXE_LINKER_FLAGS "${CMAKE_EXE_LINKER_FLAGS_INIT}" CACHE STRING
        "Flags used by the linker during all build types." FORCE)
endif()

# The multilib of the architecture flags; a bare-metal libgcc holds the unwinder itself.
foreach(lib libstdc++.a libgcc.a libgcc_eh.a)
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} ${arch_flag_list} -print-file-name=${lib}
                    OUTPUT_VARIABLE path OUTPUT_STRIP_TRAILING_WHITESPACE)
    string(MAKE_C_IDENTIFIER "${lib}" id)
    if(NOT IS_ABSOLUTE "${path}")
        set(path "")
    endif()
    set(lib_${id} "${path}")
endforeach()
if(SEL4_LIBSTDCXX)
    set(lib_libstdc___a "${SEL4_LIBSTDCXX}")
endif()
set(SEL4_STANDARD_LIBRARIES
    "-Wl,--start-group ${lib_libstdc___a} ${SEL4_LIBC_LIB}/libm.a ${SEL4_LIBC_LIB}/libc.a ${lib_libgcc_a} ${lib_libgcc_eh_a} -Wl,--end-group ${SEL4_ARCH_LINK_END}")
set(CMAKE_C_STANDARD_LIBRARIES "${SEL4_STANDARD_LIBRARIES}" CACHE STRING "" FORCE)
set(CMAKE_CXX_STANDARD_LIBRARIES "${SEL4_STANDARD_LIBRARIES}" CACHE STRING "" FORCE)
