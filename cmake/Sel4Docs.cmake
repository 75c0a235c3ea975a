# The API reference: a `docs` target (Doxygen, Debian's package) over the public headers and the
# API generated for this build's kernel, and a `docs` test so that it cannot rot: any warning on
# a hand-written public header (undocumented declaration, documentation error) fails both.
include_guard(GLOBAL)

# The generated invocations carry the kernel's <brief>, <description> and parameter texts.
option(SEL4_DOCS_STRICT_GENERATED "fail the docs on undocumented generated invocations too" ON)
# Headers whose warnings are counted, not failed (none now).
set(SEL4_DOCS_PENDING "")

function(sel4_add_docs configuration)
    find_package(Doxygen QUIET)
    if(NOT DOXYGEN_EXECUTABLE)
        message(STATUS "docs: no target: Doxygen not found (apt-get install doxygen)")
        return()
    endif()
    find_program(SEL4_DOCS_PYTHON NAMES python3 REQUIRED)
    set(generated "${PROJECT_BINARY_DIR}/sel4/generated")
    set(input "${PROJECT_SOURCE_DIR}/sel4/include" "${generated}" "${PROJECT_SOURCE_DIR}/sel4-sys/include"
              "${PROJECT_SOURCE_DIR}/sel4-runtime/include/sel4/runtime/runtime.hpp")
    foreach(arch_dir IN ITEMS ${SEL4_ARCH} ${SEL4_ARCH_FAMILY})
        if(IS_DIRECTORY "${PROJECT_SOURCE_DIR}/sel4/arch/${arch_dir}/include")
            list(APPEND input "${PROJECT_SOURCE_DIR}/sel4/arch/${arch_dir}/include")
        endif()
    endforeach()
    if(SEL4_MICROKIT_SDK)
        list(APPEND input "${PROJECT_SOURCE_DIR}/sel4-microkit/include")
    else()
        list(APPEND input "${PROJECT_SOURCE_DIR}/sel4-root-task/include")
    endif()
    string(REPLACE ";" "|" input "${input}")
    list(TRANSFORM SEL4_DOCS_PENDING PREPEND "${PROJECT_SOURCE_DIR}/" OUTPUT_VARIABLE patterns)
    file(GLOB pending ${patterns})
    string(REPLACE ";" "|" pending "${pending}")
    set(command ${CMAKE_COMMAND} -DDOXYGEN=${DOXYGEN_EXECUTABLE} -DPYTHON=${SEL4_DOCS_PYTHON}
                -DOUTPUT=${PROJECT_BINARY_DIR}/docs "-DINPUT=${input}" -DGENERATED=${generated}
                -DCONFIGURATION=${configuration} -DVERSION=${PROJECT_VERSION}
                -DSTRICT_GENERATED=${SEL4_DOCS_STRICT_GENERATED} "-DPENDING=${pending}"
                -P ${PROJECT_SOURCE_DIR}/docs/run-doxygen.cmake)
    add_custom_target(docs COMMAND ${command} DEPENDS sel4-generated VERBATIM
        COMMENT "API reference: ${PROJECT_BINARY_DIR}/docs/html/index.html")
    add_test(NAME docs COMMAND ${command})
    set_tests_properties(docs PROPERTIES PASS_REGULAR_EXPRESSION "docs: PASSED"
        FAIL_REGULAR_EXPRESSION "docs: FAILED")
endfunction()
