# Booting images under QEMU: a `simulate-<target>` target that runs it on the terminal, and a
# `<target>.boot` test that boots it with a timeout and judges the serial output.

include_guard(GLOBAL)

# The host tools these functions run are recorded in global properties, not variables, so that
# the functions work from any directory: the SDK's own, a project that adds it with
# add_subdirectory or FetchContent, or one that finds an installed SDK with find_package.
#   SEL4_CPP_QEMU_RUN       sel4-simulate/sel4-qemu-run
#   SEL4_CPP_GDB            sel4-simulate/sel4-gdb
#   SEL4_CPP_PACKER         sel4-kernel-loader-add-payload (ARM, RISC-V)
#   SEL4_CPP_KERNEL_LOADER  the kernel loader ELF for this kernel (ARM, RISC-V)
#   SEL4_CPP_RISCV32_FIRMWARE  the M-mode firmware riscv32 boots under
#   SEL4_CPP_TOOL_DEPENDS   targets that build the above (none when installed)
function(_sel4_tool name out)
    get_property(value GLOBAL PROPERTY SEL4_CPP_${name})
    set(${out} "${value}" PARENT_SCOPE)
endfunction()
foreach(_sel4_tool_name QEMU_RUN GDB)
    get_property(_sel4_tool_set GLOBAL PROPERTY SEL4_CPP_${_sel4_tool_name} SET)
    if(NOT _sel4_tool_set)  # in the source tree; an installed package sets them first
        string(TOLOWER "sel4-${_sel4_tool_name}" _sel4_tool_file)
        string(REPLACE "_" "-" _sel4_tool_file "${_sel4_tool_file}")
        set_property(GLOBAL PROPERTY SEL4_CPP_${_sel4_tool_name}
                     "${CMAKE_CURRENT_LIST_DIR}/../sel4-simulate/${_sel4_tool_file}")
    endif()
endforeach()

# _sel4_add_boot_test(<name> [EXPECT_FAILURE <message>] [TIMEOUT <seconds>] [FAILURE <regex>...]
#                     ARGUMENTS <sel4-qemu-run arguments>...): <name>.boot, one QEMU at a time, runs
# sel4-qemu-run with the arguments, a --failure for each regex and the timeout; with
# EXPECT_FAILURE it passes when the run fails with that message.
function(_sel4_add_boot_test name)
    cmake_parse_arguments(arg "" "EXPECT_FAILURE;TIMEOUT" "FAILURE;ARGUMENTS" ${ARGN})
    _sel4_tool(QEMU_RUN qemu_run)
    set(failures "")
    foreach(failure IN LISTS arg_FAILURE)
        list(APPEND failures --failure "${failure}")
    endforeach()
    add_test(NAME ${name}.boot
        COMMAND "${qemu_run}" ${arg_ARGUMENTS} ${failures} --timeout ${arg_TIMEOUT})
    set_tests_properties(${name}.boot PROPERTIES TIMEOUT 300 RESOURCE_LOCK qemu)
    if(arg_EXPECT_FAILURE)
        set_tests_properties(${name}.boot PROPERTIES
            PASS_REGULAR_EXPRESSION "sel4-qemu-run: FAILED: .*${arg_EXPECT_FAILURE}")
    endif()
endfunction()

# The device tree for boot images: SEL4_DTB, or the one installed with the kernel.
function(sel4_default_dtb out)
    set(dtb "${SEL4_DTB}")
    if(NOT dtb AND SEL4_PREFIX AND EXISTS "${SEL4_PREFIX}/support/kernel.dtb")
        set(dtb "${SEL4_PREFIX}/support/kernel.dtb")
    endif()
    set(${out} "${dtb}" PARENT_SCOPE)
endfunction()

# sel4_loader_image(<root task target> <out image path> <out target>): the root task, the kernel
# and the device tree packed with the kernel loader into one image (ARM, RISC-V).
function(sel4_loader_image root_task out_image out_target)
    _sel4_tool(PACKER packer)
    _sel4_tool(KERNEL_LOADER loader)
    _sel4_tool(TOOL_DEPENDS tool_depends)
    set(image "${CMAKE_CURRENT_BINARY_DIR}/${root_task}.img")
    sel4_default_dtb(dtb)
    set(options "")
    if(SEL4_ARM_HYPERVISOR)
        set(options --hypervisor)
    endif()
    foreach(bits 40 44)
        string(JSON set ERROR_VARIABLE no_key GET "${SEL4_CONFIG_JSON}" ARM_PA_SIZE_BITS_${bits})
        if(set AND NOT no_key)
            list(APPEND options --arm-pa-bits ${bits})
        endif()
    endforeach()
    add_custom_command(OUTPUT "${image}"
        COMMAND "${packer}" --loader "${loader}" --kernel "${SEL4_KERNEL}"
                --root-task "$<TARGET_FILE:${root_task}>" --dtb "${dtb}"
                --platform-info "${SEL4_PLATFORM_INFO}" ${options} -o "${image}"
        DEPENDS ${root_task} ${tool_depends} "${SEL4_KERNEL}" "${loader}" "${packer}" "${dtb}"
        VERBATIM)
    add_custom_target(${root_task}-image ALL DEPENDS "${image}")
    set(${out_image} "${image}" PARENT_SCOPE)
    set(${out_target} ${root_task}-image PARENT_SCOPE)
endfunction()


# x86_64 boots through QEMU's multiboot loader, which wants the kernel as a 32-bit ELF.
function(_sel4_x86_64_kernel32 out)
    set(kernel32 "${CMAKE_BINARY_DIR}/kernel32.elf")
    if(NOT TARGET sel4-kernel32)
        add_custom_command(OUTPUT "${kernel32}"
            COMMAND ${CMAKE_OBJCOPY} -O elf32-i386 "${SEL4_KERNEL}" "${kernel32}"
            DEPENDS "${SEL4_KERNEL}" VERBATIM)
        add_custom_target(sel4-kernel32 ALL DEPENDS "${kernel32}")
    endif()
    set(${out} "${kernel32}" PARENT_SCOPE)
endfunction()

# How QEMU boots a root task ELF on this configuration; empty when it cannot (yet).
# Sets out_reason when it cannot.
function(_sel4_boot_arguments root_task out_args out_depends out_reason)
    set(${out_reason} "SEL4_KERNEL is unknown (set it, or SEL4_PREFIX)" PARENT_SCOPE)
    if(SEL4_KERNEL STREQUAL "")
        set(${out_args} "" PARENT_SCOPE)
        return()
    endif()
    if(SEL4_ARCH STREQUAL "x86_64")
        # Kernel features the CPU model QEMU emulates here (TCG) does not have.
        foreach(feature "SUPPORT_PCID|-DKernelSupportPCID=OFF" "XSAVE|-DKernelFPU=FXSAVE")
            string(REPLACE "|" ";" feature "${feature}")
            list(GET feature 0 key)
            list(GET feature 1 fix)
            string(JSON enabled ERROR_VARIABLE no_key GET "${SEL4_CONFIG_JSON}" ${key})
            if(enabled AND NOT no_key)
                set(${out_reason} "the kernel is built with ${key}, which QEMU's TCG CPU model lacks here (rebuild it with ${fix})" PARENT_SCOPE)
                set(${out_args} "" PARENT_SCOPE)
                return()
            endif()
        endforeach()
        # QEMU's default CPU lacks features the kernel needs, and has some it must not see.
        string(JSON fsgsbase_inst ERROR_VARIABLE no_key GET "${SEL4_CONFIG_JSON}" FSGSBASE_INST)
        if(fsgsbase_inst AND NOT no_key)
            set(fsgsbase +fsgsbase)
        else()
            set(fsgsbase -fsgsbase)
        endif()
        _sel4_x86_64_kernel32(kernel32)
        set(${out_args} --arch x86_64 --kernel "${kernel32}" --root-task "$<TARGET_FILE:${root_task}>"
            --cpu "Nehalem,-vme,+pdpe1gb,-xsave,-xsaveopt,-xsavec,${fsgsbase},-invpcid,+syscall,+lm,enforce"
            --smp ${SEL4_MAX_NUM_NODES} PARENT_SCOPE)
        set(${out_depends} sel4-kernel32 ${root_task} PARENT_SCOPE)
    else()
        _sel4_tool(KERNEL_LOADER loader)
        if(loader STREQUAL "")
            set(${out_reason} "no kernel loader: it needs SEL4_PLATFORM_INFO and a device tree (SEL4_DTB or \$SEL4_PREFIX/support/kernel.dtb)" PARENT_SCOPE)
            set(${out_args} "" PARENT_SCOPE)
            return()
        endif()
        sel4_loader_image(${root_task} image image_target)
        set(args --arch ${SEL4_ARCH} --image "${image}" --smp ${SEL4_MAX_NUM_NODES})
        if(SEL4_ARM_HYPERVISOR)
            list(APPEND args --el2)
        endif()
        if(SEL4_ARCH STREQUAL "riscv32")
            _sel4_tool(RISCV32_FIRMWARE firmware)
            list(APPEND args --firmware "${firmware}")
        endif()
        set(${out_args} ${args} PARENT_SCOPE)
        set(${out_depends} ${image_target} PARENT_SCOPE)
    endif()
endfunction()

# sel4_add_simulate(<root task target> SUCCESS <regex> [TIMEOUT <s>] [FAILURE <regex>...]
#                   [EXPECT_FAILURE <regex>])
# EXPECT_FAILURE: the test passes when the run fails with a line matching <regex> (for tests
# of the failure path itself).
function(sel4_add_simulate target)
    cmake_parse_arguments(arg "" "SUCCESS;TIMEOUT;EXPECT_FAILURE" "FAILURE" ${ARGN})
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 60)
    endif()
    # Every image: it linked as a static executable for the kernel's architecture.
    set(machine_x86_64 "[A-Za-z ]*X86-64")
    set(machine_aarch64 "AArch64")
    set(machine_riscv64 "RISC-V")
    set(machine_aarch32 "ARM")
    set(machine_riscv32 "RISC-V")
    add_test(NAME ${target}.image COMMAND ${SEL4_CROSS_PREFIX}readelf -h -l "$<TARGET_FILE:${target}>")
    set_tests_properties(${target}.image PROPERTIES
        PASS_REGULAR_EXPRESSION "Type:[ ]+EXEC.*Machine:[ ]+${machine_${SEL4_ARCH}}.*TLS"
        FAIL_REGULAR_EXPRESSION "INTERP|DYNAMIC")

    _sel4_boot_arguments(${target} boot_args boot_depends reason)
    if(NOT boot_args)
        message(STATUS "${target}: no boot test: ${reason}")
        return()
    endif()
    _sel4_tool(QEMU_RUN qemu_run)
    _sel4_tool(GDB gdb)
    add_custom_target(simulate-${target}
        COMMAND "${qemu_run}" ${boot_args} --interactive
        DEPENDS ${boot_depends} USES_TERMINAL VERBATIM)
    # QEMU halted with a gdb stub on 127.0.0.1 (port: $SEL4_GDB_PORT or a free one), and
    # gdb-multiarch with the image's symbols and the kernel's.
    add_custom_target(gdb-${target}
        COMMAND "${gdb}" --symbols "$<TARGET_FILE:${target}>" --kernel-symbols "${SEL4_KERNEL}"
                -- "${qemu_run}" ${boot_args}
        DEPENDS ${boot_depends} USES_TERMINAL VERBATIM)
    # What sel4_add_gdb_test needs.
    set_target_properties(${target} PROPERTIES SEL4_BOOT_ARGUMENTS "${boot_args}")
    _sel4_add_boot_test(${target} EXPECT_FAILURE "${arg_EXPECT_FAILURE}" TIMEOUT ${arg_TIMEOUT}
        FAILURE ${arg_FAILURE} ARGUMENTS ${boot_args} --success "${arg_SUCCESS}")
endfunction()

# sel4_add_gdb_test(<root task target> [BREAK <function>] [COMMANDS <gdb command>...]
#                   EXPECT <regex>): <target>.gdb boots the image halted, runs gdb in batch mode
# (break at the function, continue, then the commands) and passes when the output matches.
function(sel4_add_gdb_test target)
    cmake_parse_arguments(arg "" "BREAK;EXPECT" "COMMANDS" ${ARGN})
    if(NOT arg_BREAK)
        set(arg_BREAK main_task)
    endif()
    get_target_property(boot_args ${target} SEL4_BOOT_ARGUMENTS)
    if(NOT boot_args)
        return()  # no boot test either; sel4_add_simulate said why
    endif()
    find_program(SEL4_GDB_MULTIARCH gdb-multiarch)
    if(NOT SEL4_GDB_MULTIARCH)
        message(STATUS "${target}.gdb: skipped: no gdb-multiarch (apt-get install gdb-multiarch)")
        return()
    endif()
    _sel4_tool(QEMU_RUN qemu_run)
    _sel4_tool(GDB gdb)
    set(commands -ex "break ${arg_BREAK}" -ex continue)
    foreach(command IN LISTS arg_COMMANDS)
        list(APPEND commands -ex "${command}")
    endforeach()
    add_test(NAME ${target}.gdb
        COMMAND "${gdb}" --batch --symbols "$<TARGET_FILE:${target}>"
                --kernel-symbols "${SEL4_KERNEL}" ${commands} -- "${qemu_run}" ${boot_args})
    set_tests_properties(${target}.gdb PROPERTIES TIMEOUT 120 RESOURCE_LOCK qemu
        PASS_REGULAR_EXPRESSION "${arg_EXPECT}")
endfunction()
