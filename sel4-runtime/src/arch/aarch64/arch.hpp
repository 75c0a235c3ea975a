// aarch64: TLS variant I with a 16-byte TCB; the thread pointer is TPIDR_EL0.
#pragma once

#include <cstddef>
#include <cstdint>

#include <sel4/runtime/tls_layout.hpp>

// The initial thread's thread pointer, from the linker script (cmake/toolchains/sel4-image.ld).
extern "C" std::byte sel4_tls_thread_pointer_above_tcb16[];

namespace sel4::runtime::arch {

inline constexpr TlsVariant tls_variant = TlsVariant::AboveThreadPointer;
inline constexpr std::size_t tls_tcb_size = 16;

inline std::uintptr_t thread_pointer() {
    std::uintptr_t value;
    asm volatile("mrs %0, tpidr_el0" : "=r"(value));
    return value;
}

inline void write_thread_pointer(std::uintptr_t value) {
    asm volatile("msr tpidr_el0, %0" ::"r"(value) : "memory");
}

inline std::uintptr_t initial_thread_pointer() {
    return reinterpret_cast<std::uintptr_t>(sel4_tls_thread_pointer_above_tcb16);
}

} // namespace sel4::runtime::arch
