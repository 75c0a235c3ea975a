# Building the kernel loader (bare metal) and packing boot images with it.

include_guard(GLOBAL)
include(ExternalProject)
include(${CMAKE_CURRENT_LIST_DIR}/Sel4Simulate.cmake)  # sel4_default_dtb, the tool properties

set(_sel4_source_dir "${CMAKE_CURRENT_LIST_DIR}/..")

# The host tools a seL4 build runs (packer, platform info generator), built for the host, or
# taken from SEL4_HOST_TOOLS_DIR: the build directory of the SDK's host preset (or of another
# seL4 build's host-tools/), which saves building them again.
set(SEL4_HOST_TOOLS_DIR "" CACHE PATH "a host build of the SDK whose tools to use (default: build them)")
function(sel4_host_tools out_packer out_gen out_invocations_gen)
    set(dir "${CMAKE_BINARY_DIR}/host-tools")
    if(SEL4_HOST_TOOLS_DIR)
        set(dir "${SEL4_HOST_TOOLS_DIR}")
    endif()
    set(packer "${dir}/sel4-kernel-loader-add-payload/sel4-kernel-loader-add-payload")
    set(gen "${dir}/sel4-platform-info/sel4-platform-info-gen")
    set(invocations_gen "${dir}/sel4-invocations-gen/sel4-invocations-gen")
    if(SEL4_HOST_TOOLS_DIR AND NOT TARGET sel4-host-tools)
        foreach(tool "${packer}" "${gen}" "${invocations_gen}")
            if(NOT EXISTS "${tool}")
                message(FATAL_ERROR "SEL4_HOST_TOOLS_DIR is '${SEL4_HOST_TOOLS_DIR}', which has no '${tool}'. Build the host preset there first, or leave SEL4_HOST_TOOLS_DIR empty.")
            endif()
        endforeach()
        add_custom_target(sel4-host-tools)
    elseif(NOT TARGET sel4-host-tools)
        ExternalProject_Add(sel4-host-tools
            SOURCE_DIR "${_sel4_source_dir}"
            BINARY_DIR "${dir}"
            CMAKE_ARGS -DSEL4_HOST_TOOLS_ONLY=ON -DCMAKE_BUILD_TYPE=Release
            BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR>
                          --target sel4-kernel-loader-add-payload sel4-platform-info-gen
                                   sel4-invocations-gen
            INSTALL_COMMAND ""
            BUILD_ALWAYS ON
            BUILD_BYPRODUCTS "${packer}" "${gen}" "${invocations_gen}")
    endif()
    set_property(GLOBAL PROPERTY SEL4_CPP_HOST_TOOLS_DIR "${dir}")
    set(${out_packer} "${packer}" PARENT_SCOPE)
    set(${out_gen} "${gen}" PARENT_SCOPE)
    set(${out_invocations_gen} "${invocations_gen}" PARENT_SCOPE)
endfunction()

# sel4_add_bare_metal_build(<name> ARCH <aarch64|riscv64|aarch32|riscv32> PLATFORM_INFO <yaml> NODES <n>
#                           GEN <platform info generator> [DEPENDS <targets>])
# Builds the loader (and the loader's test kernel) for ARCH into ${CMAKE_BINARY_DIR}/<name>.
# Sets <name>_DIR.
function(sel4_add_bare_metal_build name)
    cmake_parse_arguments(arg "" "ARCH;PLATFORM_INFO;NODES;GEN" "DEPENDS" ${ARGN})
    set(dir "${CMAKE_BINARY_DIR}/${name}")
    ExternalProject_Add(${name}
        SOURCE_DIR "${_sel4_source_dir}"
        BINARY_DIR "${dir}"
        CMAKE_ARGS -DCMAKE_TOOLCHAIN_FILE=${_sel4_source_dir}/cmake/toolchains/bare-metal.cmake
                   -DSEL4_BARE_METAL_ARCH=${arg_ARCH} -DSEL4_PLATFORM_INFO=${arg_PLATFORM_INFO}
                   -DSEL4_PLATFORM_INFO_GEN=${arg_GEN} -DSEL4_MAX_NUM_NODES=${arg_NODES}
                   -DCMAKE_BUILD_TYPE=Release
        INSTALL_COMMAND ""
        BUILD_ALWAYS ON
        BUILD_BYPRODUCTS "${dir}/sel4-kernel-loader/sel4-kernel-loader"
                         "${dir}/tests/kernel-loader/test-kernel/test-kernel-el1"
                         "${dir}/tests/kernel-loader/test-kernel/test-kernel-el2"
                         "${dir}/tests/kernel-loader/test-kernel/test-kernel-s"
                         "${dir}/tests/kernel-loader/test-kernel/test-kernel-svc"
                         "${dir}/tests/kernel-loader/test-kernel/test-kernel-s32"
                         "${dir}/sel4-riscv32-firmware/sel4-riscv32-firmware"
                         "${dir}/tests/kernel-loader/test-kernel/test-root-task"
        DEPENDS ${arg_DEPENDS})
    set(${name}_DIR "${dir}" PARENT_SCOPE)
endfunction()

# Every seL4 build generates its API with the host tools.
if(SEL4_ARCH)
    sel4_host_tools(_sel4_unused _sel4_unused SEL4_INVOCATIONS_GEN)
endif()

# In a seL4 build for ARM or RISC-V: the loader for this kernel, recorded with the packer for
# sel4_loader_image() (cmake/Sel4Simulate.cmake) in global properties, so that a project using
# the SDK through add_subdirectory or FetchContent sees them too.
if(SEL4_ARCH AND NOT SEL4_ARCH STREQUAL "x86_64" AND NOT SEL4_MICROKIT_SDK)
    set(SEL4_DTB "" CACHE FILEPATH "device tree for boot images (default: \$SEL4_PREFIX/support/kernel.dtb)")
    sel4_default_dtb(_sel4_dtb)
    if(SEL4_KERNEL AND SEL4_PLATFORM_INFO AND _sel4_dtb)
        sel4_host_tools(_sel4_packer _sel4_gen _sel4_unused)
        sel4_add_bare_metal_build(sel4-kernel-loader-build ARCH ${SEL4_ARCH}
            PLATFORM_INFO "${SEL4_PLATFORM_INFO}" NODES ${SEL4_MAX_NUM_NODES}
            GEN "${_sel4_gen}" DEPENDS sel4-host-tools)
        set_property(GLOBAL PROPERTY SEL4_CPP_PACKER "${_sel4_packer}")
        set_property(GLOBAL PROPERTY SEL4_CPP_KERNEL_LOADER
                     "${sel4-kernel-loader-build_DIR}/sel4-kernel-loader/sel4-kernel-loader")
        set_property(GLOBAL PROPERTY SEL4_CPP_TOOL_DEPENDS sel4-kernel-loader-build sel4-host-tools)
        # riscv32 boots under the SDK's own M-mode firmware (QEMU's -bios).
        set_property(GLOBAL PROPERTY SEL4_CPP_RISCV32_FIRMWARE
                     "${sel4-kernel-loader-build_DIR}/sel4-riscv32-firmware/sel4-riscv32-firmware")
    else()
        message(STATUS "kernel loader: no boot images (need SEL4_KERNEL, SEL4_PLATFORM_INFO and a device tree: SEL4_DTB or \$SEL4_PREFIX/support/kernel.dtb)")
    endif()
endif()
