// From _start (per-arch assembly, which set up the stack) to the user's function.
#include <sel4/root_task.hpp>
#include <sel4/runtime/threads.hpp>

#include "boot_info_extra.hpp"
#include "initial_tls.hpp"

// The linker script (cmake/toolchains/sel4-image.ld) puts the entry SEL4_ROOT_TASK_MAIN
// defines right after the constructors: start walks one array, from .preinit_array (the untyped
// heap, if any) through .init_array to main, passing each the boot info.
extern "C" void (*const sel4_root_task_startup_end[])();

extern "C" [[noreturn]] void sel4_root_task_start(const seL4_BootInfo* bootinfo) {
    sel4::runtime::set_up_initial_tls();
    seL4_SetIPCBuffer(bootinfo->ipcBuffer);
    sel4::root_task::arch::remember_boot_info(bootinfo);
    using Startup = void (*)(const seL4_BootInfo*);
    for (auto* f = sel4_runtime_constructors_start; f != sel4_root_task_startup_end; ++f) {
        const auto startup = reinterpret_cast<Startup>(*f);
        startup(bootinfo);
    }
    sel4_runtime_stop_current_thread();
}

// The .preinit_array entry of images without an untyped heap (root_task.hpp).
extern "C" void sel4_root_task_no_untyped_heap(const seL4_BootInfo*) {}

__thread seL4_CPtr sel4_runtime_current_tcb = seL4_CapInitThreadTCB;

// A thread of the root task stops by suspending itself; nothing else runs it again.
extern "C" [[noreturn]] void sel4_runtime_stop_current_thread(void) {
    const seL4_CPtr tcb = sel4::runtime::current_thread_tcb();
    for (;;)
        seL4_TCB_Suspend(tcb);
}
