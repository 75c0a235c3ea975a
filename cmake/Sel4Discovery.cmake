# Finds the user's seL4 through the variables rust-sel4 documents, with the same defaults:
#
#   SEL4_PREFIX         an installed seL4 (kernel + libsel4)
#   SEL4_INCLUDE_DIRS   colon-separated libsel4 include dirs   (default $SEL4_PREFIX/libsel4/include)
#   SEL4_PLATFORM_INFO  platform_gen.yaml                       (default $SEL4_PREFIX/support/platform_gen.yaml)
#   SEL4_KERNEL         the kernel ELF                          (default $SEL4_PREFIX/bin/kernel.elf)
#
# Each is read from the environment, or from a CMake variable of the same name (a preset or -D),
# which wins. The architecture and kernel options come only from the kernel's own
# kernel/gen_config.json found in the include dirs. Any problem stops with one message that names
# the variable and the path it tried.
#
# Works in script mode and in toolchain files (it needs nothing from project()).

include_guard(GLOBAL)

# Architectures the SDK supports, and the ones the kernel loader is needed for.
set(SEL4_SUPPORTED_ARCHES x86_64 aarch64 riscv64 aarch32 riscv32)

function(_sel4_fail)
    string(JOIN "" text ${ARGN})
    message(FATAL_ERROR "seL4 discovery: ${text}")
endfunction()

# Reads VAR from a CMake variable or the environment into out.
function(_sel4_read_setting var out)
    if(DEFINED ${var} AND NOT "${${var}}" STREQUAL "")
        set(${out} "${${var}}" PARENT_SCOPE)
    elseif(DEFINED ENV{${var}} AND NOT "$ENV{${var}}" STREQUAL "")
        set(${out} "$ENV{${var}}" PARENT_SCOPE)
    else()
        set(${out} "" PARENT_SCOPE)
    endif()
endfunction()

# Reads one key of gen_config.json; missing keys read as empty (booleans as ON/OFF).
function(_sel4_config_value json key out)
    string(JSON type ERROR_VARIABLE err TYPE "${json}" "${key}")
    if(err)
        set(${out} "" PARENT_SCOPE)
        return()
    endif()
    string(JSON value GET "${json}" "${key}")
    if(type STREQUAL "BOOLEAN")
        if(value)
            set(value ON)
        else()
            set(value OFF)
        endif()
    endif()
    set(${out} "${value}" PARENT_SCOPE)
endfunction()

# Sets, in the caller's scope:
#   SEL4_PREFIX, SEL4_INCLUDE_DIRS (a CMake list), SEL4_PLATFORM_INFO (empty on x86),
#   SEL4_KERNEL (empty when neither it nor SEL4_PREFIX is given), SEL4_GEN_CONFIG_JSON,
#   SEL4_ARCH, SEL4_ARCH_FAMILY (the kernel's KernelArch: arm, riscv, x86), SEL4_PLAT,
#   SEL4_IS_MCS, SEL4_MAX_NUM_NODES, SEL4_HAVE_PRINTING, SEL4_ARM_HYPERVISOR,
#   SEL4_CONFIG_JSON (the whole file's text)
function(sel4_discover)
    _sel4_read_setting(SEL4_PREFIX prefix)
    _sel4_read_setting(SEL4_INCLUDE_DIRS include_dirs)
    _sel4_read_setting(SEL4_PLATFORM_INFO platform_info)
    _sel4_read_setting(SEL4_KERNEL kernel)

    if(NOT prefix STREQUAL "" AND NOT IS_DIRECTORY "${prefix}")
        _sel4_fail("SEL4_PREFIX is '${prefix}', which is not a directory.")
    endif()

    # Include dirs.
    if(include_dirs STREQUAL "")
        if(prefix STREQUAL "")
            _sel4_fail("neither SEL4_INCLUDE_DIRS nor SEL4_PREFIX is set. Set SEL4_PREFIX to an "
                       "installed seL4 (e.g. /opt/sel4/x86_64-pc99).")
        endif()
        set(include_dirs "${prefix}/libsel4/include")
        set(include_source "SEL4_PREFIX (default SEL4_INCLUDE_DIRS=\$SEL4_PREFIX/libsel4/include)")
    else()
        set(include_source "SEL4_INCLUDE_DIRS")
    endif()
    string(REPLACE ":" ";" include_list "${include_dirs}")
    foreach(dir IN LISTS include_list)
        if(NOT IS_DIRECTORY "${dir}")
            _sel4_fail("${include_source}: include directory '${dir}' does not exist.")
        endif()
    endforeach()

    # The kernel's configuration.
    set(gen_config "")
    foreach(dir IN LISTS include_list)
        if(EXISTS "${dir}/kernel/gen_config.json")
            set(gen_config "${dir}/kernel/gen_config.json")
            break()
        endif()
    endforeach()
    if(gen_config STREQUAL "")
        _sel4_fail("${include_source}: no kernel/gen_config.json in '${include_dirs}'. "
                   "Is this an installed libsel4?")
    endif()
    foreach(header sel4/sel4.h)
        set(found FALSE)
        foreach(dir IN LISTS include_list)
            if(EXISTS "${dir}/${header}")
                set(found TRUE)
            endif()
        endforeach()
        if(NOT found)
            _sel4_fail("${include_source}: no ${header} in '${include_dirs}'.")
        endif()
    endforeach()

    file(READ "${gen_config}" json)
    string(JSON ignored ERROR_VARIABLE json_error TYPE "${json}")
    if(json_error)
        _sel4_fail("'${gen_config}' is not valid JSON: ${json_error}")
    endif()
    _sel4_config_value("${json}" SEL4_ARCH arch)
    _sel4_config_value("${json}" ARCH arch_family)
    _sel4_config_value("${json}" PLAT plat)
    _sel4_config_value("${json}" KERNEL_MCS mcs)
    _sel4_config_value("${json}" MAX_NUM_NODES nodes)
    _sel4_config_value("${json}" PRINTING printing)
    _sel4_config_value("${json}" ARM_HYPERVISOR_SUPPORT hyp)
    _sel4_config_value("${json}" RISCV_EXT_D riscv_ext_d)
    _sel4_config_value("${json}" ARM_TLS_REG_TPIDRURO arm_tls_tpidruro)
    if(arch STREQUAL "")
        _sel4_fail("'${gen_config}' has no SEL4_ARCH key.")
    endif()
    if(NOT arch IN_LIST SEL4_SUPPORTED_ARCHES)
        _sel4_fail("the kernel in '${gen_config}' is configured for SEL4_ARCH=${arch}, which "
                   "this SDK does not support (supported: ${SEL4_SUPPORTED_ARCHES}).")
    endif()
    if(arch MATCHES "^riscv" AND NOT riscv_ext_d)
        _sel4_fail("the kernel in '${gen_config}' is built without KernelRiscvExtD, but seL4 C++ "
                   "on ${arch} uses the lp64d/ilp32d ABI of Debian's RISC-V libraries: rebuild the kernel "
                   "with -DKernelRiscvExtD=ON (seL4's default).")
    endif()
    if(arch STREQUAL "aarch32" AND NOT arm_tls_tpidruro)
        _sel4_fail("the kernel in '${gen_config}' keeps the TLS base in TPIDRURW, but GCC's "
                   "aarch32 code (and Debian's prebuilt libstdc++) reads TPIDRURO: rebuild the "
                   "kernel with -DKernelArmTLSReg=tpidruro.")
    endif()
    if(mcs STREQUAL "")
        set(mcs OFF)
    endif()
    if(nodes STREQUAL "")
        set(nodes 1)
    endif()

    # Platform info: only ARM and RISC-V kernels have one, and only the loader needs it.
    if(platform_info STREQUAL "")
        if(NOT arch STREQUAL "x86_64" AND NOT prefix STREQUAL "")
            set(platform_info "${prefix}/support/platform_gen.yaml")
            if(NOT EXISTS "${platform_info}")
                _sel4_fail("SEL4_PLATFORM_INFO is not set and its default '${platform_info}' "
                           "(from SEL4_PREFIX) does not exist.")
            endif()
        endif()
    elseif(NOT EXISTS "${platform_info}")
        _sel4_fail("SEL4_PLATFORM_INFO is '${platform_info}', which does not exist.")
    endif()

    # Kernel image: only booting needs it.
    if(kernel STREQUAL "")
        if(NOT prefix STREQUAL "")
            set(kernel "${prefix}/bin/kernel.elf")
            if(NOT EXISTS "${kernel}")
                _sel4_fail("SEL4_KERNEL is not set and its default '${kernel}' (from SEL4_PREFIX) "
                           "does not exist.")
            endif()
        endif()
    elseif(NOT EXISTS "${kernel}")
        _sel4_fail("SEL4_KERNEL is '${kernel}', which does not exist.")
    endif()

    # Remember what was found, so that a re-run of CMake (from the build tool) needs no
    # environment. A later -D or a fresh build directory changes it.
    if(NOT CMAKE_SCRIPT_MODE_FILE)
        foreach(var SEL4_PREFIX SEL4_INCLUDE_DIRS SEL4_PLATFORM_INFO SEL4_KERNEL)
            string(TOLOWER "${var}" name)
            string(REPLACE "sel4_" "" name "${name}")
            if(name STREQUAL "include_dirs")
                set(value "${include_dirs}")
            else()
                set(value "${${name}}")
            endif()
            set(${var} "${value}" CACHE STRING "seL4 discovery: ${var}" FORCE)
        endforeach()
    endif()

    set(SEL4_PREFIX "${prefix}" PARENT_SCOPE)
    set(SEL4_INCLUDE_DIRS "${include_list}" PARENT_SCOPE)
    set(SEL4_PLATFORM_INFO "${platform_info}" PARENT_SCOPE)
    set(SEL4_KERNEL "${kernel}" PARENT_SCOPE)
    set(SEL4_GEN_CONFIG_JSON "${gen_config}" PARENT_SCOPE)
    set(SEL4_CONFIG_JSON "${json}" PARENT_SCOPE)
    set(SEL4_ARCH "${arch}" PARENT_SCOPE)
    set(SEL4_ARCH_FAMILY "${arch_family}" PARENT_SCOPE)
    set(SEL4_PLAT "${plat}" PARENT_SCOPE)
    set(SEL4_IS_MCS "${mcs}" PARENT_SCOPE)
    set(SEL4_MAX_NUM_NODES "${nodes}" PARENT_SCOPE)
    set(SEL4_HAVE_PRINTING "${printing}" PARENT_SCOPE)
    set(SEL4_ARM_HYPERVISOR "${hyp}" PARENT_SCOPE)
endfunction()
