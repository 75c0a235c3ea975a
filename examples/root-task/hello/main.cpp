// The smallest useful root task: C++ with the standard library, thread-locals, static
// constructors and exceptions, on seL4.
#include <cstdio>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include <sel4/root_task.hpp>

namespace {

thread_local int calls_on_this_thread = 0;

struct Greeter {
    std::string greeting;
    Greeter() : greeting("constructed before main") {}
};
Greeter greeter; // a static constructor: runs before main_task

int checked_divide(int a, int b) {
    ++calls_on_this_thread;
    if (b == 0) throw std::domain_error("division by zero");
    return a / b;
}

} // namespace

int main_task(const seL4_BootInfo& bootinfo) {
    std::printf("hello: Hello from C++ on seL4! (node %lu of %lu)\n",
                static_cast<unsigned long>(bootinfo.nodeID),
                static_cast<unsigned long>(bootinfo.numNodes));
    std::printf("hello: static object says '%s'\n", greeter.greeting.c_str());

    std::vector<int> squares;
    for (int i = 1; i <= 10; ++i)
        squares.push_back(i * i);
    std::printf("hello: sum of the first 10 squares is %d\n",
                std::accumulate(squares.begin(), squares.end(), 0));

    try {
        std::printf("hello: 42 / 6 = %d\n", checked_divide(42, 6));
        checked_divide(1, 0);
        std::printf("hello: no exception?!\n");
        return 1;
    } catch (const std::domain_error& error) {
        std::printf("hello: caught exception: %s\n", error.what());
    }
    std::printf("hello: thread_local counter is %d\n", calls_on_this_thread);
    if (calls_on_this_thread != 2) return 1;

    std::printf("hello: all done\n");
    return 0;
}

SEL4_ROOT_TASK_MAIN(main_task)
