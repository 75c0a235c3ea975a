// A root task of a project outside the SDK: the runtime and the sel4 API come with
// sel4-cpp::sel4-root-task.
#include <cstdio>

#include <sel4/root_task.hpp>
#include <sel4/sel4.hpp>

static_assert(sel4::config::word_size == 8 * sizeof(void*));

int main_task(const seL4_BootInfo& bootinfo) {
    std::printf("outside: %lu untyped regions\n",
                static_cast<unsigned long>(bootinfo.untyped.end - bootinfo.untyped.start));
    std::printf("outside: done\n");
    return 0;
}

SEL4_ROOT_TASK_MAIN(main_task)
