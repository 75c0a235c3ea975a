// Must fail: on a debug kernel, casting a capability to a type the slot does not hold stops the
// program, naming the caller's line.
#include <cstdio>

#include <sel4/root_task.hpp>
#include <sel4/sel4.hpp>

int main_task(const seL4_BootInfo&) {
    std::printf("bad-cast: casting the initial thread's CNode to a TCB\n");
    const auto tcb = sel4::init_thread::cnode.cast<sel4::tag::Tcb>();
    std::printf("bad-cast: still running (%lu)\n", static_cast<unsigned long>(tcb.cptr()));
    return 0;
}

SEL4_ROOT_TASK_MAIN(main_task)
