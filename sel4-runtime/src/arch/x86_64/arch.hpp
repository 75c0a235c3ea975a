// x86_64: TLS variant II; the thread pointer is the FS base. Kernels built with
// KernelFSGSBase=inst let user code write it (wrfsbase); the others set it on request
// (seL4_SetTLSBase).
#pragma once

#include <cstddef>
#include <cstdint>

#include <sel4/runtime/tls_layout.hpp>
#include <sel4/sys.hpp>

// The initial thread's thread pointer, from the linker script (cmake/toolchains/sel4-image.ld).
extern "C" std::byte sel4_tls_thread_pointer_below[];

namespace sel4::runtime::arch {

inline constexpr TlsVariant tls_variant = TlsVariant::BelowThreadPointer;
inline constexpr std::size_t tls_tcb_size = 0;

inline std::uintptr_t thread_pointer() {
    std::uintptr_t value;
    asm volatile("mov %%fs:0, %0" : "=r"(value));
    return value;
}

inline void write_thread_pointer(std::uintptr_t value) {
#ifdef CONFIG_SET_TLS_BASE_SELF
    seL4_SetTLSBase(value);
#else
    asm volatile("wrfsbase %0" ::"r"(value) : "memory");
#endif
}

inline std::uintptr_t initial_thread_pointer() {
    return reinterpret_cast<std::uintptr_t>(sel4_tls_thread_pointer_below);
}

} // namespace sel4::runtime::arch
