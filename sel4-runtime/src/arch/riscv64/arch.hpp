// riscv64: TLS variant I with no TCB; the thread pointer is the tp register.
#pragma once

#include <cstddef>
#include <cstdint>

#include <sel4/runtime/tls_layout.hpp>

// The initial thread's thread pointer, from the linker script (cmake/toolchains/sel4-image.ld).
extern "C" std::byte sel4_tls_thread_pointer_above_tcb0[];

namespace sel4::runtime::arch {

inline constexpr TlsVariant tls_variant = TlsVariant::AboveThreadPointer;
inline constexpr std::size_t tls_tcb_size = 0;

inline std::uintptr_t thread_pointer() {
    std::uintptr_t value;
    asm volatile("mv %0, tp" : "=r"(value));
    return value;
}

inline void write_thread_pointer(std::uintptr_t value) {
    asm volatile("mv tp, %0" ::"r"(value) : "memory");
}

inline std::uintptr_t initial_thread_pointer() {
    return reinterpret_cast<std::uintptr_t>(sel4_tls_thread_pointer_above_tcb0);
}

} // namespace sel4::runtime::arch
