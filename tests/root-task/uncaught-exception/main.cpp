#include <cstdio>
#include <stdexcept>

#include <sel4/root_task.hpp>

namespace {
[[gnu::noinline]] void fail() {
    throw std::runtime_error("nobody catches this");
}
} // namespace

void main_task(const seL4_BootInfo&) {
    std::printf("uncaught-exception: throwing\n");
    fail();
    std::printf("uncaught-exception: still running\n");
}

SEL4_ROOT_TASK_MAIN(main_task)
