// A root task: the kernel starts it with every capability of the system. This one makes a
// notification object from untyped memory, signals it and polls it back.
#include <cstdio>
#include <string>

#include <sel4/root_task.hpp>
#include <sel4/sel4.hpp>

int main_task(const seL4_BootInfo& bootinfo) {
    const std::string name = "root-task";
    std::printf("%s: %lu untyped regions, %lu free slots\n", name.c_str(),
                static_cast<unsigned long>(bootinfo.untyped.end - bootinfo.untyped.start),
                static_cast<unsigned long>(bootinfo.empty.end - bootinfo.empty.start));

    const seL4_CPtr slot = bootinfo.empty.start;
    const auto root = sel4::init_thread::cnode;
    // The first untyped region that is memory, not a device, holds it.
    for (seL4_CPtr ut = bootinfo.untyped.start; ut < bootinfo.untyped.end; ++ut) {
        if (auto made = sel4::cap::Untyped(ut).retype(seL4_NotificationObject, 0, root, 0, 0, slot, 1)) {
            const sel4::cap::Notification notification(slot);
            notification.signal();
            std::printf("%s: notification badge after signal: %lu\n", name.c_str(),
                        static_cast<unsigned long>(notification.poll()));
            std::printf("%s: done\n", name.c_str());
            return 0;
        }
    }
    std::printf("%s: no untyped memory for a notification\n", name.c_str());
    return 1;
}

SEL4_ROOT_TASK_MAIN(main_task)
