// aarch64: TLS variant I with a 16-byte TCB; the thread pointer is TPIDR_EL0.
#pragma once

#include <cstdint>

#include <sel4/runtime/tls_layout.hpp>

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

} // namespace sel4::runtime::arch
