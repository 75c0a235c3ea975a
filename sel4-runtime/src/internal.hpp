// Runtime-internal interfaces between its source files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include <sel4/elf/types.hpp>
#include <sel4/runtime/tls_layout.hpp>

// The image's TLS segment as the linker script describes it (cmake/toolchains/sel4-image.ld for
// root tasks, sel4-microkit/link/pd.ld for PDs). The sizes are absolute symbols: read them
// with link_value.
extern "C" {
extern std::byte sel4_tls_start[], sel4_tls_end[], sel4_tls_snapshot[];
extern const std::byte sel4_tls_file_size[], sel4_tls_align[];
}

namespace sel4::runtime {

// A linker symbol's value, hidden from the optimiser (which would take a symbol's address for
// non-zero).
inline std::uintptr_t link_value(const void* symbol) noexcept {
    auto value = reinterpret_cast<std::uintptr_t>(symbol);
    asm("" : "+r"(value));
    return value;
}

// The TLS template other threads start from: .tdata as linked, which thread_tls.cpp copies to
// sel4_tls_snapshot before the program can change the initial thread's.
inline TlsImage linked_tls_image() noexcept {
    return {sel4_tls_snapshot, link_value(sel4_tls_file_size),
            link_value(sel4_tls_end) - link_value(sel4_tls_start), link_value(sel4_tls_align)};
}

// The running image's program headers (the ELF header is mapped with the first segment).
std::span<const elf::NativeProgramHeader> program_headers() noexcept;

} // namespace sel4::runtime
