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

// The .preinit_array entry of an image without an untyped heap: it does nothing.
extern "C" void sel4_root_task_no_untyped_heap(const seL4_BootInfo*);

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

// What the runtime's start calls after the constructors, then stops the thread: the macro puts
// it after them in the one array start walks (sel4-root-task/src/start.cpp).
using Entry = void (*)(const seL4_BootInfo&);

template <class F>
struct FirstParameter;
template <class R, class P>
struct FirstParameter<R (*)(P)> {
    using type = std::remove_cvref_t<P>;
};

// The user's function, given the boot info or an environment (sel4::Env) made from it. A void
// function returns to the runtime, which stops the thread quietly; an int one exits with its
// status.
template <auto Main>
void run(const seL4_BootInfo& bootinfo) {
    using Parameter = typename FirstParameter<decltype(Main)>::type;
    auto call = [](auto& argument) {
        if constexpr (std::is_void_v<decltype(Main(argument))>)
            Main(argument);
        else
            runtime::exit(static_cast<int>(Main(argument)));
    };
    if constexpr (std::is_same_v<Parameter, seL4_BootInfo>) {
        call(bootinfo);
    } else {
        Parameter environment(bootinfo);
        call(environment);
    }
}

// A void function of the boot info is the entry itself: no wrapper between start and main.
template <auto Main>
constexpr Entry entry() {
    if constexpr (std::is_convertible_v<decltype(Main), Entry>)
        return Main;
    else
        return &run<Main>;
}

// The untyped heap is added by a .preinit_array entry, before any constructor: the runtime
// passes the boot info to the image's constructors (as glibc passes argc, argv and envp). Images
// without one have an entry that does nothing (sel4-root-task/src/start.cpp).
template <std::size_t Bytes>
void add_untyped_heap_at_start(const seL4_BootInfo* bootinfo) {
    add_untyped_heap(*bootinfo, Bytes);
}
template <std::size_t Bytes>
constexpr auto untyped_heap_at_start() {
    if constexpr (Bytes != 0)
        return &add_untyped_heap_at_start<Bytes>;
    else
        return &sel4_root_task_no_untyped_heap;
}

} // namespace detail
} // namespace sel4::root_task

// Defines the image's stack, heap and entry for main_function; optional designated
// initializers of sel4::root_task::Config follow it. The stack and the entry have sections of
// their own, which the linker script places (cmake/toolchains/sel4-image.ld): the stack's end is
// sel4_root_task_stack_top for _start, the entry follows the constructors.
#define SEL4_ROOT_TASK_MAIN(main_function, ...)                                                    \
    namespace sel4_root_task_image {                                                               \
    constexpr ::sel4::root_task::Config config{__VA_ARGS__};                                       \
    static_assert(config.stack_size % 16 == 0, "the stack size must be a multiple of 16");         \
    [[gnu::section(                                                                                \
        ".bss.sel4_root_task_stack")]] constinit ::sel4::runtime::StaticMemory<config.stack_size>  \
        stack;                                                                                     \
    constinit ::sel4::runtime::StaticMemory<config.heap_size> heap;                                \
    [[gnu::used, gnu::section(".preinit_array")]] constinit auto untyped_heap =                    \
        ::sel4::root_task::detail::untyped_heap_at_start<config.untyped_heap_size>();              \
    }                                                                                              \
    extern "C" std::byte* const sel4_runtime_heap_start = sel4_root_task_image::heap.bytes;        \
    extern "C" const std::size_t sel4_runtime_heap_size = sel4_root_task_image::config.heap_size;  \
    [[gnu::used, gnu::section(".sel4.root_task_main")]] constinit ::sel4::root_task::detail::Entry \
        sel4_root_task_main = ::sel4::root_task::detail::entry<main_function>();
