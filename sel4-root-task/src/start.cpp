// From _start (per-arch assembly, which set up the stack) to the user's function.
#include <sel4/root_task.hpp>

extern "C" [[noreturn]] void sel4_root_task_main(const seL4_BootInfo& bootinfo);

namespace {

[[noreturn]] void start_with_tls(void* argument) {
    const auto* bootinfo = static_cast<const seL4_BootInfo*>(argument);
    seL4_SetIPCBuffer(bootinfo->ipcBuffer);
    sel4_root_task_main(*bootinfo); // the heap, constructors and main (root_task.hpp)
}

} // namespace

extern "C" [[noreturn]] void sel4_root_task_start(const seL4_BootInfo* bootinfo) {
    sel4::runtime::run_with_initial_tls([](void* argument) { start_with_tls(argument); },
                                        const_cast<seL4_BootInfo*>(bootinfo));
}

// The root task's initial thread stops by suspending itself; nothing else runs it again.
extern "C" [[noreturn]] void sel4_runtime_stop_current_thread(void) {
    for (;;)
        seL4_TCB_Suspend(seL4_CapInitThreadTCB);
}
