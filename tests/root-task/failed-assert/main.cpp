// Must fail: a failed assert() is reported by the runtime with the expression and location.
#include <cassert>
#include <cstdio>

#include <sel4/root_task.hpp>

int main_task(const seL4_BootInfo& bootinfo) {
    std::printf("failed-assert: asserting\n");
    assert(bootinfo.nodeID == 12345);
    std::printf("failed-assert: still running\n");
    return 0;
}

SEL4_ROOT_TASK_MAIN(main_task)
