// Nothing in the boot info the runtime needs later here (the counter's frequency is readable
// from user level).
#pragma once

#include <sel4/sys.hpp>

namespace sel4::root_task::arch {

inline void remember_boot_info(const seL4_BootInfo*) {}

} // namespace sel4::root_task::arch
