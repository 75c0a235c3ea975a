// The runtime shared by root tasks and Microkit protection domains: debug output, the fatal
// path, thread-local storage for the initial thread, constructors.
#pragma once

#include <cstddef>
#include <source_location>
#include <string_view>

#include <sel4/runtime/tls_layout.hpp>

namespace sel4::runtime {

// Statically allocated, 16-byte aligned memory: the stacks and heaps images declare.
template <std::size_t Size>
struct alignas(16) StaticMemory {
    std::byte bytes[Size]; // the memory
};

// Writes to the kernel's debug console (nothing when the kernel has no printing).
void debug_write(std::string_view text) noexcept;

// Prints "sel4-runtime: fatal: <message>", where it happened when known, and a backtrace, then
// stops the calling thread for good.
[[noreturn]] void fatal(std::string_view message) noexcept;
[[noreturn]] void fatal(std::string_view message, const std::source_location& where) noexcept;

// Ends the program: status 0 stops the thread quietly, any other status is fatal.
[[noreturn]] void exit(int status) noexcept;

// TLS for another thread of this image: the region it needs, and filling one. The returned
// thread pointer is what that thread's TLS base must be (seL4_TCB_SetTLSBase).
TlsLayout thread_tls_layout() noexcept;
std::uintptr_t initialize_thread_tls(void* region, std::size_t size) noexcept;

// Makes the thread pointer point at a TLS region initialised by initialize_tls_region.
void set_thread_pointer(std::uintptr_t thread_pointer) noexcept;

// Runs the image's constructors (.preinit_array, then .init_array, which the linker script puts
// in one array), passing each the argument (a root task's boot info), as glibc passes argc, argv
// and envp: constructors that take none ignore it. Call once, after TLS and the IPC buffer are
// set up.
inline void initialize(const void* argument = nullptr) noexcept;

} // namespace sel4::runtime

namespace sel4 {

// Stops the program with a message and the caller's location.
[[noreturn]] void
panic(std::string_view message,
      const std::source_location& where = std::source_location::current()) noexcept;

} // namespace sel4

#if __cpp_exceptions
// Code built with exceptions brings the terminate handler that reports uncaught ones (with the
// exception's demangled type and what()); code built without pays for none of it.
extern "C" const char sel4_runtime_exception_support;
namespace sel4::runtime::detail {
[[gnu::used]] inline const char* const exception_support = &sel4_runtime_exception_support;
}
#endif

extern "C" {
// The image's constructors, .preinit_array's then .init_array's (cmake/toolchains/sel4-image.ld,
// sel4-microkit/link/pd.ld).
extern void (*const sel4_runtime_constructors_start[])();
extern void (*const sel4_runtime_constructors_end[])();

// One character to the kernel's debug console (for C code and C library glue).
void sel4_runtime_debug_put_char(char c);

// Provided by the runtime that owns the thread (root task, Microkit PD): how this thread stops.
[[noreturn]] void sel4_runtime_stop_current_thread(void);

// Provided by the program image (the root task's or PD's entry macro): the heap arena.
extern std::byte* const sel4_runtime_heap_start;
extern const std::size_t sel4_runtime_heap_size;
}

// Inline: an image without constructors pays for an empty loop, not a function.
inline void sel4::runtime::initialize(const void* argument) noexcept {
    using Constructor = void (*)(const void*);
    for (auto* constructor = sel4_runtime_constructors_start;
         constructor != sel4_runtime_constructors_end; ++constructor) {
        const auto call = reinterpret_cast<Constructor>(*constructor);
        call(argument);
    }
}
