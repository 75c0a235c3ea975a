// A root task in C++: write one function that takes the boot info, and name it once:
//
//     #include <sel4/root_task.hpp>
//
//     int main_task(const seL4_BootInfo& bootinfo) { ... return 0; }
//     SEL4_ROOT_TASK_MAIN(main_task)                                   // default sizes
//     SEL4_ROOT_TASK_MAIN(main_task, .stack_size = 1 << 20)            // or choose them
//
// Before it runs: a stack, thread-local storage, libsel4's IPC buffer, the heap behind
// malloc/new, the C library's console on the kernel's debug output, a terminate handler that
// reports uncaught exceptions, and the static constructors. The function returns void or int;
// returning stops the initial thread (a non-zero status is reported as a fatal error).
#pragma once

#include <cstddef>
#include <type_traits>

#include <sel4/runtime/runtime.hpp>
#include <sel4/sys.hpp>

namespace sel4::root_task {

// The root task's sizes, chosen in SEL4_ROOT_TASK_MAIN (e.g. `.heap_size = 8 << 20`).
struct Config {
    std::size_t stack_size = 128 * 1024; // the initial thread's stack, in bytes
    std::size_t heap_size = 1024 * 1024; // the heap behind malloc and new, in bytes
};

namespace detail {

template <auto Main>
int invoke_main(const seL4_BootInfo& bootinfo) {
    if constexpr (std::is_void_v<decltype(Main(bootinfo))>) {
        Main(bootinfo);
        return 0;
    } else {
        return static_cast<int>(Main(bootinfo));
    }
}

} // namespace detail
} // namespace sel4::root_task

// Defines the image's stack, heap and entry for main_function; optional designated
// initializers of sel4::root_task::Config follow it.
#define SEL4_ROOT_TASK_MAIN(main_function, ...)                                                    \
    namespace sel4_root_task_image {                                                               \
    constexpr ::sel4::root_task::Config config{__VA_ARGS__};                                       \
    constinit ::sel4::runtime::StaticMemory<config.stack_size> stack;                              \
    constinit ::sel4::runtime::StaticMemory<config.heap_size> heap;                                \
    }                                                                                              \
    extern "C" std::byte* const sel4_root_task_stack_top =                                         \
        sel4_root_task_image::stack.bytes + sel4_root_task_image::config.stack_size;               \
    extern "C" std::byte* const sel4_runtime_heap_start = sel4_root_task_image::heap.bytes;        \
    extern "C" const std::size_t sel4_runtime_heap_size = sel4_root_task_image::config.heap_size;  \
    extern "C" int sel4_root_task_main(const seL4_BootInfo& bootinfo) {                            \
        return ::sel4::root_task::detail::invoke_main<main_function>(bootinfo);                    \
    }
