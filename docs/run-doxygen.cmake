# Builds the API reference with Doxygen and judges its warnings.
#   cmake -DDOXYGEN=<doxygen> -DPYTHON=<python3> -DOUTPUT=<dir> -DINPUT=<dirs, |-separated>
#         -DGENERATED=<generated headers dir> -DCONFIGURATION=<name> -DVERSION=<x.y.z>
#         -DSTRICT_GENERATED=<ON|OFF> -P run-doxygen.cmake
# Any warning on a hand-written public header (an undocumented declaration, a doc error) fails.
# Warnings on the generated invocation headers fail only with STRICT_GENERATED; warnings on the
# headers in PENDING (|-separated paths) are counted, not failed (see the TODO in Sel4Docs.cmake).
cmake_minimum_required(VERSION 3.20)
string(REPLACE "|" " " SEL4_DOCS_INPUT "${INPUT}")
set(SEL4_DOCS_OUTPUT "${OUTPUT}")
set(SEL4_DOCS_CONFIGURATION "${CONFIGURATION}")
set(SEL4_CPP_VERSION "${VERSION}")
set(SEL4_DOCS_PYTHON "${PYTHON}")
set(SEL4_DOCS_FILTER "${CMAKE_CURRENT_LIST_DIR}/doxygen-filter.py")
set(SEL4_DOCS_MAINPAGE "${CMAKE_CURRENT_LIST_DIR}/mainpage.md")
get_filename_component(SEL4_DOCS_STRIP "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(SEL4_DOCS_STRIP "${SEL4_DOCS_STRIP} ${GENERATED}")
file(REMOVE_RECURSE "${OUTPUT}")
file(MAKE_DIRECTORY "${OUTPUT}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/Doxyfile.in" "${OUTPUT}/Doxyfile" @ONLY)
execute_process(COMMAND "${DOXYGEN}" "${OUTPUT}/Doxyfile" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "docs: doxygen failed (exit ${result})")
endif()

file(STRINGS "${OUTPUT}/warnings.log" lines REGEX "(warning|error):")
string(REPLACE "|" ";" pending_headers "${PENDING}")
set(hand_written 0)
set(generated 0)
set(pending 0)
foreach(line IN LISTS lines)
    string(FIND "${line}" "${GENERATED}/" in_generated)
    set(is_pending FALSE)
    foreach(header IN LISTS pending_headers)
        string(FIND "${line}" "${header}:" at)
        if(at EQUAL 0)
            set(is_pending TRUE)
        endif()
    endforeach()
    if(in_generated EQUAL 0)
        math(EXPR generated "${generated} + 1")
    elseif(is_pending)
        math(EXPR pending "${pending} + 1")
    else()
        math(EXPR hand_written "${hand_written} + 1")
        message("${line}")
    endif()
endforeach()
message(STATUS "docs: ${OUTPUT}/html/index.html (${CONFIGURATION}); warnings: ${hand_written} on hand-written headers, ${pending} on headers pending documentation, ${generated} on generated ones")
if(hand_written GREATER 0)
    message(FATAL_ERROR "docs: FAILED: ${hand_written} warning(s) on hand-written public headers (above)")
endif()
# TODO(lead): the invocation generator (branch api) is adding the kernel's <brief> and parameter
# descriptions to the generated headers; once it has landed, configure with
# -DSEL4_DOCS_STRICT_GENERATED=ON (or flip its default in cmake/Sel4Docs.cmake).
if(generated GREATER 0 AND STRICT_GENERATED)
    message(FATAL_ERROR "docs: FAILED: ${generated} warning(s) on the generated headers (${GENERATED})")
endif()
message(STATUS "docs: PASSED")
