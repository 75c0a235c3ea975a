# Picks the architecture from the kernel's own gen_config.json (found through SEL4_PREFIX or
# SEL4_INCLUDE_DIRS) and uses that architecture's toolchain file.
list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}/..")
include(Sel4Discovery)
sel4_discover()
include(${CMAKE_CURRENT_LIST_DIR}/${SEL4_ARCH}.cmake)
