// aarch32: TLS variant I with an 8-byte TCB; the thread pointer is TPIDRURO, read-only to user
// code, so the kernel writes it (seL4_SetTLSBase; kernels built with KernelArmTLSReg=tpidruro).
#pragma once

#include <cstddef>
#include <cstdint>

#include <sel4/runtime/tls_layout.hpp>
#include <sel4/sys.hpp>

// The initial thread's thread pointer, from the linker script (cmake/toolchains/sel4-image.ld).
extern "C" std::byte sel4_tls_thread_pointer_above_tcb8[];

namespace sel4::runtime::arch {

inline constexpr TlsVariant tls_variant = TlsVariant::AboveThreadPointer;
inline constexpr std::size_t tls_tcb_size = 8;

inline std::uintptr_t thread_pointer() {
    std::uintptr_t value;
    asm volatile("mrc p15, 0, %0, c13, c0, 3" : "=r"(value));
    return value;
}

inline void write_thread_pointer(std::uintptr_t value) {
    seL4_SetTLSBase(value);
}

inline std::uintptr_t initial_thread_pointer() {
    return reinterpret_cast<std::uintptr_t>(sel4_tls_thread_pointer_above_tcb8);
}

} // namespace sel4::runtime::arch
