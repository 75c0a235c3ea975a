// x86_64: the runtime's clock reads the time-stamp counter's frequency from the extra boot info
// (sel4-runtime/src/arch/x86_64/counter.hpp), when a program first uses the clock.
#pragma once

#include <sel4/sys.hpp>

// The runtime's clock reads it (sel4-runtime/src/arch/x86_64/counter.hpp); only start.cpp
// includes this header.
extern "C" {
const seL4_BootInfo* sel4_runtime_boot_info = nullptr;
}

namespace sel4::root_task::arch {

inline void remember_boot_info(const seL4_BootInfo* bootinfo) {
    sel4_runtime_boot_info = bootinfo;
}

} // namespace sel4::root_task::arch
