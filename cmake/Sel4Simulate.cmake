# Booting images under QEMU: a `simulate-<target>` target that runs it on the terminal, and a
# `<target>.boot` test that boots it with a timeout and judges the serial output.

include_guard(GLOBAL)


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
    elseif(COMMAND sel4_loader_image)
        sel4_loader_image(${root_task} image image_target)
        set(args --arch ${SEL4_ARCH} --image "${image}" --smp ${SEL4_MAX_NUM_NODES})
        if(SEL4_ARM_HYPERVISOR)
            list(APPEND args --el2)
        endif()
        if(SEL4_ARCH STREQUAL "riscv32")
            list(APPEND args --firmware "${SEL4_RISCV32_FIRMWARE}")
        endif()
        set(${out_args} ${args} PARENT_SCOPE)
        set(${out_depends} ${image_target} PARENT_SCOPE)
    else()
        set(${out_reason} "there is no kernel loader for ${SEL4_ARCH} yet" PARENT_SCOPE)
        set(${out_args} "" PARENT_SCOPE)
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
    add_custom_target(simulate-${target}
        COMMAND "${SEL4_QEMU_RUN}" ${boot_args} --interactive
        DEPENDS ${boot_depends} USES_TERMINAL VERBATIM)
    set(failures "")
    foreach(failure IN LISTS arg_FAILURE)
        list(APPEND failures --failure "${failure}")
    endforeach()
    add_test(NAME ${target}.boot
        COMMAND "${SEL4_QEMU_RUN}" ${boot_args} --success "${arg_SUCCESS}" ${failures}
                --timeout ${arg_TIMEOUT})
    set_tests_properties(${target}.boot PROPERTIES TIMEOUT 300 RESOURCE_LOCK qemu)
    if(arg_EXPECT_FAILURE)
        set_tests_properties(${target}.boot PROPERTIES
            PASS_REGULAR_EXPRESSION "sel4-qemu-run: FAILED: .*${arg_EXPECT_FAILURE}")
    endif()
endfunction()
