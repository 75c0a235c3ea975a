// The smallest useful root task: one line on the debug console. Built -fno-exceptions
// -fno-rtti with a 4 KiB stack and no heap, it measures what the runtime costs when a program
// uses none of its optional parts (benchmarks/sizes.py compares it with minimal-c, whose loop is
// the same, so that the difference is the runtime's).
#include <sel4/root_task.hpp>

void main_task(const seL4_BootInfo&) {
    for (const char* c = "minimal: hello\n"; *c; ++c)
        seL4_DebugPutChar(*c);
}

SEL4_ROOT_TASK_MAIN(main_task, .stack_size = 4096, .heap_size = 0)
