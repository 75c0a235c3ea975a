# Building Microkit systems: protection-domain ELFs and the system image the SDK's microkit tool
# makes from a .system file, with a simulate target and a boot test.
include_guard(GLOBAL)
include(${CMAKE_CURRENT_LIST_DIR}/Sel4Simulate.cmake)  # the tool properties

# The PD linker script, in a global property like the tools (an installed package sets it first).
get_property(_sel4_pd_ld_set GLOBAL PROPERTY SEL4_CPP_MICROKIT_LINKER_SCRIPT SET)
if(NOT _sel4_pd_ld_set)
    set_property(GLOBAL PROPERTY SEL4_CPP_MICROKIT_LINKER_SCRIPT
                 "${CMAKE_CURRENT_LIST_DIR}/../sel4-microkit/link/pd.ld")
endif()

# sel4_microkit_add_pd(<target> <sources>...): a PD ELF named <target>.elf.
function(sel4_microkit_add_pd target)
    add_executable(${target} ${ARGN})
    target_link_libraries(${target} PRIVATE sel4-cpp::sel4-microkit sel4-cpp::sel4-cpp-options)
    _sel4_tool(MICROKIT_LINKER_SCRIPT linker_script)
    set_target_properties(${target} PROPERTIES SUFFIX ".elf" LINK_DEPENDS "${linker_script}")
endfunction()

# sel4_microkit_add_system(<name> SYSTEM <file.system> PDS <targets>... SUCCESS <regex>
#                          [FAILURE <regex>...] [EXPECT_FAILURE <regex>] [TIMEOUT <s>]
#                          [ALLOW_FAULTS] [RUN_ARGS <sel4-qemu-run arguments>...]
#                          [READY <regex> HOST_TEST <command>] [DEPENDS <files or targets>...])
# ALLOW_FAULTS: the system faults on purpose; the monitor's fault reports are not failures.
# RUN_ARGS: extra runner arguments, e.g. virtio devices (--virtio-blk 1:disk.img) and forwards;
# TEST_ARGS and SIMULATE_ARGS: more, for the boot test or the simulate target only (e.g. free
# ports for one, the user's for the other). ANNOUNCE_REGEX/ANNOUNCE_TEXT: simulate prints TEXT
# once a line matches (sel4-qemu-run --announce).
# HOST_TEST: a command run on the host once READY appears; the test passes when it exits 0.
# Writes <name>.img with the SDK's tool; adds simulate-<name> and the <name>.boot test.
function(sel4_microkit_add_system name)
    cmake_parse_arguments(arg "ALLOW_FAULTS"
                          "SYSTEM;SUCCESS;TIMEOUT;EXPECT_FAILURE;READY;HOST_TEST;ANNOUNCE_REGEX;ANNOUNCE_TEXT"
                          "PDS;FAILURE;RUN_ARGS;TEST_ARGS;SIMULATE_ARGS;DEPENDS" ${ARGN})
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 60)
    endif()
    get_filename_component(system "${arg_SYSTEM}" ABSOLUTE)
    set(image "${CMAKE_CURRENT_BINARY_DIR}/${name}.img")
    set(search "")
    foreach(pd IN LISTS arg_PDS)
        list(APPEND search "$<TARGET_FILE_DIR:${pd}>")
    endforeach()
    list(REMOVE_DUPLICATES search)
    add_custom_command(OUTPUT "${image}"
        COMMAND "${SEL4_MICROKIT_TOOL}" "${system}" --board ${SEL4_MICROKIT_BOARD}
                --config ${SEL4_MICROKIT_CONFIG} --search-path ${search}
                -o "${image}" -r "${CMAKE_CURRENT_BINARY_DIR}/${name}-report.txt"
        DEPENDS "${system}" ${arg_PDS} VERBATIM)
    add_custom_target(${name}-image ALL DEPENDS "${image}" ${arg_DEPENDS})

    if(SEL4_MICROKIT_BOARD STREQUAL "qemu_virt_aarch64")
        # The SDK's loader is entered at EL2 from address 0x70000000.
        set(boot --arch aarch64 --el2 --cpu cortex-a53 --memory 2G --loader-address 0x70000000)
    elseif(SEL4_MICROKIT_BOARD STREQUAL "qemu_virt_riscv64")
        set(boot --arch riscv64 --memory 2G)
    else()
        message(STATUS "${name}: no boot test: QEMU does not emulate ${SEL4_MICROKIT_BOARD}")
        return()
    endif()
    list(APPEND boot ${arg_RUN_ARGS})
    _sel4_tool(QEMU_RUN qemu_run)
    set(simulate ${arg_SIMULATE_ARGS})
    if(arg_ANNOUNCE_REGEX)
        list(APPEND simulate --announce "${arg_ANNOUNCE_REGEX}" "${arg_ANNOUNCE_TEXT}")
    endif()
    add_custom_target(simulate-${name} COMMAND "${qemu_run}" ${boot} ${simulate} --image "${image}" --interactive
        DEPENDS ${name}-image USES_TERMINAL VERBATIM)
    # QEMU halted under gdb, with the first PD's symbols and the SDK's kernel's. Every PD is
    # linked at the same address: `add-symbol-file <pd>.elf` (after `symbol-file`) for another.
    _sel4_tool(GDB gdb)
    list(GET arg_PDS 0 first_pd)
    set(kernel_symbols "")
    if(EXISTS "${SEL4_MICROKIT_BOARD_DIR}/elf/sel4.elf")
        set(kernel_symbols --kernel-symbols "${SEL4_MICROKIT_BOARD_DIR}/elf/sel4.elf")
    endif()
    add_custom_target(gdb-${name}
        COMMAND "${gdb}" --symbols "$<TARGET_FILE:${first_pd}>" ${kernel_symbols}
                -- "${qemu_run}" ${boot} --image "${image}"
        DEPENDS ${name}-image USES_TERMINAL VERBATIM)
    set(failures "MON\\|ERROR")
    if(NOT arg_ALLOW_FAULTS)
        list(APPEND failures "FAULT")
    endif()
    set(verdict "")
    if(arg_SUCCESS)
        list(APPEND verdict --success "${arg_SUCCESS}")
    endif()
    if(arg_HOST_TEST)
        list(APPEND verdict --ready "${arg_READY}" --host-test "${arg_HOST_TEST}")
    endif()
    _sel4_add_boot_test(${name} EXPECT_FAILURE "${arg_EXPECT_FAILURE}" TIMEOUT ${arg_TIMEOUT}
        FAILURE ${failures} ${arg_FAILURE}
        ARGUMENTS ${boot} ${arg_TEST_ARGS} --image "${image}" ${verdict})
endfunction()
