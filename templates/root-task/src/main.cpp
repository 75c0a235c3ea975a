// A root task: the kernel starts it with every capability of the system. This one makes a
// notification object from untyped memory, signals it and polls it back.
#include <cstdio>
#include <string>

#include <sel4/bootinfo.hpp>
#include <sel4/root_task.hpp>
#include <sel4/sel4.hpp>

int main_task(const seL4_BootInfo& raw) {
    const sel4::BootInfo bootinfo(raw);
    const std::string name = "root-task";
    std::printf("%s: %zu untyped capabilities, %zu free slots\n", name.c_str(),
                bootinfo.untyped_slots().size(), bootinfo.empty().size());

    const sel4::cap::Untyped memory = bootinfo.find_memory(seL4_NotificationBits);
    const seL4_CPtr slot = bootinfo.empty().start;
    if (auto made =
            memory.retype(seL4_NotificationObject, 0, sel4::init_thread::cnode, 0, 0, slot, 1);
        !made) {
        std::printf("%s: retype failed: %s\n", name.c_str(), sel4::describe(made.error()).data());
        return 1;
    }
    const sel4::cap::Notification notification(slot);
    notification.signal();
    std::printf("%s: signalled and polled back (badge %lu: the capability is unbadged)\n",
                name.c_str(), static_cast<unsigned long>(notification.poll()));
    std::printf("%s: done\n", name.c_str());
    return 0;
}

SEL4_ROOT_TASK_MAIN(main_task)
