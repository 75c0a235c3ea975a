# Configures, builds and tests (boots) a project outside the SDK's tree, as its user would.
#   cmake -DPROJECT=<project dir> -DWORK=<dir> -DARGS=<configure args, |-separated>
#         [-DINSTALL_FROM=<SDK build dir> -DINSTALL_PREFIX=<dir>] -P outside-project.cmake
# The project is copied to WORK/source first, so it sees nothing of the SDK's tree but what its
# configure arguments name. With INSTALL_FROM, the SDK build is installed to INSTALL_PREFIX first.
cmake_minimum_required(VERSION 3.20)

function(run what)
    message(STATUS "outside: ${what}: ${ARGN}")
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "outside: FAILED: ${what} (exit ${result})")
    endif()
endfunction()

string(REPLACE "|" ";" args "${ARGS}")
if(INSTALL_FROM)
    file(REMOVE_RECURSE "${INSTALL_PREFIX}")
    run("install the SDK" ${CMAKE_COMMAND} --install "${INSTALL_FROM}" --prefix "${INSTALL_PREFIX}")
endif()
file(REMOVE_RECURSE "${WORK}")
file(COPY "${PROJECT}/" DESTINATION "${WORK}/source")
run(configure ${CMAKE_COMMAND} -S "${WORK}/source" -B "${WORK}/build" -G Ninja ${args})
run(build ${CMAKE_COMMAND} --build "${WORK}/build" --parallel 2)
run(test ${CMAKE_CTEST_COMMAND} --test-dir "${WORK}/build" --output-on-failure)
message(STATUS "outside: PASSED")
