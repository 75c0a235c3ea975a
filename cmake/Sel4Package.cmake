# The SDK as a dependency of other CMake projects.
#
# sel4_cpp_package(<targets>...), called once the libraries of a seL4 (or Microkit) build exist:
#   - sel4-cpp::<target> aliases, the names a project uses whichever way it gets the SDK
#     (add_subdirectory, FetchContent, or find_package after `cmake --install`);
#   - install rules: the libraries as exported targets, the public and generated headers, the
#     CMake functions and toolchain files, and the host tools (qemu runner, gdb launcher, packer,
#     generators, and the kernel loader built for this kernel), with a package config and version
#     file. The build is per kernel configuration (discovery picks the kernel), so an install is
#     too: one prefix per configuration (or per Microkit board and config).
include_guard(GLOBAL)
include(CMakePackageConfigHelpers)

set(SEL4_CPP_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")

# The install tree:
#   include/                      public headers, and the API generated for this kernel
#   lib/sel4-cpp/objects/         the runtimes' object files
#   lib/sel4-cpp/                 linker scripts
#   lib/cmake/sel4-cpp/           package config, targets, CMake functions, toolchain files
#   libexec/sel4-cpp/             host tools
set(_sel4_cpp_cmake_dest lib/cmake/sel4-cpp)
set(_sel4_cpp_tool_dest libexec/sel4-cpp)

# Paths inside the source or build tree are build-only; the installed headers are in include/.
function(_sel4_cpp_install_interface target)
    get_target_property(type ${target} TYPE)
    set(source_dir "${SEL4_CPP_SOURCE_DIR}")
    set(binary_dir "${PROJECT_BINARY_DIR}")
    foreach(property INTERFACE_INCLUDE_DIRECTORIES INTERFACE_SYSTEM_INCLUDE_DIRECTORIES)
        get_target_property(dirs ${target} ${property})
        if(NOT dirs)
            continue()
        endif()
        set(rewritten "")
        set(ours FALSE)
        foreach(dir IN LISTS dirs)
            if(dir MATCHES "^\\$<")
                list(APPEND rewritten "${dir}")
                continue()
            endif()
            list(APPEND rewritten "$<BUILD_INTERFACE:${dir}>")
            string(FIND "${dir}" "${source_dir}/" in_source)
            string(FIND "${dir}" "${binary_dir}/" in_binary)
            if(in_source EQUAL 0 OR in_binary EQUAL 0)
                set(ours TRUE)
                install(DIRECTORY "${dir}/" DESTINATION include)
            endif()
            # Anything else (libsel4) comes from the user's kernel at find_package time.
        endforeach()
        if(ours AND property STREQUAL "INTERFACE_INCLUDE_DIRECTORIES")
            list(APPEND rewritten "$<INSTALL_INTERFACE:include>")
        endif()
        set_target_properties(${target} PROPERTIES ${property} "${rewritten}")
    endforeach()
    # The runtimes bring their objects to every image as interface sources; installed, they are
    # the imported object libraries' objects.
    get_target_property(sources ${target} INTERFACE_SOURCES)
    if(sources)
        set(rewritten "")
        foreach(source IN LISTS sources)
            if(source MATCHES "^\\$<TARGET_OBJECTS:([^>$]+)>$")
                list(APPEND rewritten "$<BUILD_INTERFACE:${source}>$<INSTALL_INTERFACE:$<TARGET_OBJECTS:sel4-cpp::${CMAKE_MATCH_1}>>")
            else()
                list(APPEND rewritten "${source}")
            endif()
        endforeach()
        set_target_properties(${target} PROPERTIES INTERFACE_SOURCES "${rewritten}")
    endif()
    get_target_property(options ${target} INTERFACE_LINK_OPTIONS)
    if(options)
        set(rewritten "")
        foreach(option IN LISTS options)
            if(option MATCHES "\\.ld$" AND EXISTS "${option}")
                get_filename_component(name "${option}" NAME)
                install(FILES "${option}" DESTINATION lib/sel4-cpp)
                list(APPEND rewritten "$<BUILD_INTERFACE:${option}>$<INSTALL_INTERFACE:$<INSTALL_PREFIX>/lib/sel4-cpp/${name}>")
            else()
                list(APPEND rewritten "${option}")
            endif()
        endforeach()
        set_target_properties(${target} PROPERTIES INTERFACE_LINK_OPTIONS "${rewritten}")
    endif()
endfunction()

# A project that adds the SDK with add_subdirectory or FetchContent does not install it, unless
# it asks to.
option(SEL4_CPP_INSTALL "install seL4 C++ with this project" ${PROJECT_IS_TOP_LEVEL})

function(sel4_cpp_package)
    foreach(target IN LISTS ARGN)
        add_library(sel4-cpp::${target} ALIAS ${target})
    endforeach()
    if(NOT SEL4_CPP_INSTALL)
        return()
    endif()
    foreach(target IN LISTS ARGN)
        _sel4_cpp_install_interface(${target})
    endforeach()
    install(TARGETS ${ARGN} EXPORT sel4-cpp-targets
            OBJECTS DESTINATION lib/sel4-cpp/objects
            ARCHIVE DESTINATION lib)
    install(EXPORT sel4-cpp-targets NAMESPACE sel4-cpp:: DESTINATION ${_sel4_cpp_cmake_dest}
            FILE sel4-cpp-targets.cmake)

    # The CMake functions and toolchain files, in the same layout as the source tree's cmake/.
    install(FILES "${SEL4_CPP_CMAKE_DIR}/Sel4Discovery.cmake" "${SEL4_CPP_CMAKE_DIR}/Sel4Simulate.cmake"
                  "${SEL4_CPP_CMAKE_DIR}/Sel4Microkit.cmake" "${SEL4_CPP_CMAKE_DIR}/Sel4MicrokitSdk.cmake"
            DESTINATION ${_sel4_cpp_cmake_dest})
    install(DIRECTORY "${SEL4_CPP_CMAKE_DIR}/toolchains" DESTINATION ${_sel4_cpp_cmake_dest})

    # Host tools. The packer and the loader exist on ARM and RISC-V only.
    install(PROGRAMS "${SEL4_CPP_SOURCE_DIR}/sel4-simulate/sel4-qemu-run"
                     "${SEL4_CPP_SOURCE_DIR}/sel4-simulate/sel4-gdb"
            DESTINATION ${_sel4_cpp_tool_dest})
    sel4_host_tools(packer platform_info_gen invocations_gen)
    install(PROGRAMS "${platform_info_gen}" "${invocations_gen}" DESTINATION ${_sel4_cpp_tool_dest})
    get_property(loader GLOBAL PROPERTY SEL4_CPP_KERNEL_LOADER)
    if(loader)
        install(PROGRAMS "${packer}" "${loader}" DESTINATION ${_sel4_cpp_tool_dest})
    endif()
    if(SEL4_ARCH STREQUAL "riscv32" AND loader)
        get_property(firmware GLOBAL PROPERTY SEL4_CPP_RISCV32_FIRMWARE)
        install(PROGRAMS "${firmware}" DESTINATION ${_sel4_cpp_tool_dest})
    endif()

    # What the installed SDK was built for: a project that finds it must use the same kernel
    # configuration (or Microkit board and config).
    if(SEL4_MICROKIT_SDK)
        set(SEL4_CPP_FLAVOUR microkit)
    else()
        set(SEL4_CPP_FLAVOUR root-task)
    endif()
    install(FILES "${SEL4_GEN_CONFIG_JSON}" DESTINATION ${_sel4_cpp_cmake_dest} RENAME kernel-gen_config.json)
    configure_file("${SEL4_CPP_CMAKE_DIR}/package/sel4-cpp-config.cmake.in"
                   "${PROJECT_BINARY_DIR}/package/sel4-cpp-config.cmake" @ONLY)
    configure_file("${SEL4_CPP_CMAKE_DIR}/package/toolchain.cmake.in"
                   "${PROJECT_BINARY_DIR}/package/toolchain.cmake" @ONLY)
    write_basic_package_version_file("${PROJECT_BINARY_DIR}/package/sel4-cpp-config-version.cmake"
                                     VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion
                                     ARCH_INDEPENDENT)
    install(FILES "${PROJECT_BINARY_DIR}/package/sel4-cpp-config.cmake"
                  "${PROJECT_BINARY_DIR}/package/sel4-cpp-config-version.cmake"
                  "${PROJECT_BINARY_DIR}/package/toolchain.cmake"
            DESTINATION ${_sel4_cpp_cmake_dest})
endfunction()
