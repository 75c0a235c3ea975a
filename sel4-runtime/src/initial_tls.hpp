// The initial thread's TLS is the image's TLS segment, in place (cmake/toolchains/sel4-image.ld,
// sel4-microkit/link/pd.ld): setting it up is writing the thread pointer the linker computed.
// Inline for the runtimes' entry code, which runs it first: nothing before may touch
// thread-locals.
#pragma once

#include <cstdint>

#include "arch.hpp"

namespace sel4::runtime {

inline void set_up_initial_tls() noexcept {
    const std::uintptr_t thread_pointer = arch::initial_thread_pointer();
    if constexpr (arch::tls_variant == TlsVariant::BelowThreadPointer) {
        // %fs:0 holds the thread pointer itself: compilers read it to form TLS addresses.
        *reinterpret_cast<std::uintptr_t*>(thread_pointer) = thread_pointer;
    }
    arch::write_thread_pointer(thread_pointer);
}

} // namespace sel4::runtime
