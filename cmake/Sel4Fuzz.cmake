# Fuzz tests with libFuzzer (clang): a parser or peer-facing structure built with the fuzzer and
# the address and undefined-behaviour sanitizers, run a bounded number of times as a test.
include_guard(GLOBAL)
find_program(CLANGXX clang++)

# sel4_add_fuzzer(<target> <harness.cpp> [OPTIONS <clang options>...] [SOURCES <sources>...]
#                 [DEPENDS <files or targets>...] [TEST <name> ARGS <libFuzzer arguments>...])
# Builds <target> (the program fuzz_<name>, for target fuzz-<name>) from the harness, the
# sources (files, libraries, link options) and the options; TEST adds the bounded run as a test.
# Without clang++, says so and adds nothing.
function(sel4_add_fuzzer target harness)
    cmake_parse_arguments(arg "" "TEST" "OPTIONS;SOURCES;DEPENDS;ARGS" ${ARGN})
    if(NOT CLANGXX)
        message(STATUS "${target}: no fuzz test: no clang++ (apt-get install clang)")
        return()
    endif()
    string(REPLACE "-" "_" name "${target}")
    set(binary ${CMAKE_CURRENT_BINARY_DIR}/${name})
    set(inputs ${arg_SOURCES})
    list(FILTER inputs EXCLUDE REGEX "^-")
    add_custom_command(OUTPUT ${binary}
        COMMAND ${CLANGXX} -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined ${arg_OPTIONS}
                ${harness} ${arg_SOURCES} -o ${binary}
        DEPENDS ${harness} ${inputs} ${arg_DEPENDS} VERBATIM)
    add_custom_target(${target} ALL DEPENDS ${binary})
    if(arg_TEST)
        add_test(NAME ${arg_TEST} COMMAND ${binary} ${arg_ARGS})
    endif()
endfunction()
