// A root task in C++: write one function that takes the boot info, or a sel4::Env made from it
// (sel4/env.hpp: typed objects from the boot info's memory, threads), and name it once:
//
//     #include <sel4/root_task.hpp>
//
//     int main_task(const seL4_BootInfo& bootinfo) { ... return 0; }
//     int main_task(sel4::Env& env) { ... return 0; }
//     SEL4_ROOT_TASK_MAIN(main_task)                                   // default sizes
//     SEL4_ROOT_TASK_MAIN(main_task, .stack_size = 1 << 20)            // or choose them
//     SEL4_ROOT_TASK_MAIN(main_task, .untyped_heap_size = 64 << 20)    // heap from untyped
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
    std::size_t heap_size = 1024 * 1024; // the heap behind malloc and new, in the image's .bss
    // More heap, from the boot info's untyped memory: large pages retyped and mapped at start
    // (before the static constructors), bounded by RAM rather than by the image or the
    // initial CNode. 0: none.
    std::size_t untyped_heap_size = 0;
};

namespace detail {

void add_untyped_heap(const seL4_BootInfo& bootinfo, std::size_t bytes);

template <class F>
struct FirstParameter;
template <class R, class P>
struct FirstParameter<R (*)(P)> {
    using type = std::remove_cvref_t<P>;
};

template <auto Main, class Argument>
[[noreturn]] void call_main(Argument& argument) {
    if constexpr (std::is_void_v<decltype(Main(argument))>) {
        Main(argument);
        sel4_runtime_stop_current_thread();
    } else {
        runtime::exit(static_cast<int>(Main(argument)));
    }
}

// After TLS and the IPC buffer: the heap, the constructors, the user's function, given the boot
// info or an environment (sel4::Env) made from it. A void function stops the thread quietly;
// an int one exits with its status.
template <auto Main, Config config>
[[noreturn]] void run(const seL4_BootInfo& bootinfo) {
    if constexpr (config.untyped_heap_size != 0)
        add_untyped_heap(bootinfo, config.untyped_heap_size);
    runtime::initialize();
    using Parameter = typename FirstParameter<decltype(Main)>::type;
    if constexpr (std::is_same_v<Parameter, seL4_BootInfo>) {
        call_main<Main>(bootinfo);
    } else {
        Parameter environment(bootinfo);
        call_main<Main>(environment);
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
    extern "C" [[noreturn]] void sel4_root_task_main(const seL4_BootInfo& bootinfo) {              \
        ::sel4::root_task::detail::run<main_function, sel4_root_task_image::config>(bootinfo);     \
    }
