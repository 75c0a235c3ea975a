# Microkit protection domains: the seL4 userspace toolchain for the board's architecture, with
# libsel4 and the kernel configuration from the Microkit SDK (MICROKIT_SDK, MICROKIT_BOARD,
# MICROKIT_CONFIG; see cmake/Sel4MicrokitSdk.cmake).
list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}/..")
include(Sel4MicrokitSdk)
sel4_microkit_discover()
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES MICROKIT_SDK MICROKIT_BOARD MICROKIT_CONFIG)
include(Sel4Discovery)
sel4_discover()
include(${CMAKE_CURRENT_LIST_DIR}/${SEL4_ARCH}.cmake)
