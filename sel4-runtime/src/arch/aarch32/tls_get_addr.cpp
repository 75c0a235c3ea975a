// Debian's armhf libsupc++ reaches its thread-locals through the general-dynamic model, which
// the ARM linker does not relax in static images, so __tls_get_addr is called. One module: its
// TLS block sits after the 8-byte TCB at the thread pointer, aligned as the image's PT_TLS.
#include <cstdint>

#include <sel4/runtime/runtime.hpp>

#include "arch.hpp"

namespace {
struct TlsIndex {
    unsigned long module;
    unsigned long offset;
};
} // namespace

extern "C" void* __tls_get_addr(const TlsIndex* index) {
    static const std::uintptr_t block_offset = sel4::runtime::thread_tls_layout().block_offset;
    return reinterpret_cast<void*>(sel4::runtime::arch::thread_pointer() + block_offset +
                                   index->offset);
}
