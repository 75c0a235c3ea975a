// From _start (per-arch assembly, which set up the stack) to the user's function.
#include <sel4/root_task.hpp>
#include <sel4/runtime/clock.hpp>
#include <sel4/runtime/threads.hpp>

#include <cstddef>
#include <cstdint>

extern "C" [[noreturn]] void sel4_root_task_main(const seL4_BootInfo& bootinfo);

namespace {

// The TSC's frequency, which x86 kernels measure and pass in the extra boot info (in MHz).
void read_counter_frequency(const seL4_BootInfo& bootinfo) {
    const auto* at = reinterpret_cast<const std::byte*>(&bootinfo) + seL4_BootInfoFrameSize;
    const auto* end = at + bootinfo.extraLen;
    while (at + sizeof(seL4_BootInfoHeader) <= end) {
        const auto* header = reinterpret_cast<const seL4_BootInfoHeader*>(at);
        if (header->len < sizeof *header || header->len > static_cast<std::size_t>(end - at)) break;
        if (header->id == SEL4_BOOTINFO_HEADER_X86_TSC_FREQ &&
            header->len >= sizeof *header + sizeof(std::uint32_t)) {
            std::uint32_t mhz;
            __builtin_memcpy(&mhz, at + sizeof *header, sizeof mhz);
            sel4::runtime::set_counter_frequency(std::uint64_t{mhz} * 1000000);
        }
        at += header->len;
    }
}

[[noreturn]] void start_with_tls(void* argument) {
    const auto* bootinfo = static_cast<const seL4_BootInfo*>(argument);
    seL4_SetIPCBuffer(bootinfo->ipcBuffer);
    read_counter_frequency(*bootinfo);
    sel4_root_task_main(*bootinfo); // the heap, constructors and main (root_task.hpp)
}

} // namespace

extern "C" [[noreturn]] void sel4_root_task_start(const seL4_BootInfo* bootinfo) {
    sel4::runtime::run_with_initial_tls([](void* argument) { start_with_tls(argument); },
                                        const_cast<seL4_BootInfo*>(bootinfo));
}

// A thread of the root task stops by suspending itself; nothing else runs it again.
extern "C" [[noreturn]] void sel4_runtime_stop_current_thread(void) {
    const seL4_CPtr tcb = sel4::runtime::current_thread_tcb();
    for (;;)
        seL4_TCB_Suspend(tcb ? tcb : static_cast<seL4_CPtr>(seL4_CapInitThreadTCB));
}
