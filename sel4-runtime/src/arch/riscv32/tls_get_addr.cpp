// Code built without -ftls-model=local-exec reaches its thread-locals through the
// general-dynamic model, which the RISC-V linker does not relax in static images, so
// __tls_get_addr is called. One module: its TLS block starts at tp, and offsets are biased by TLS_DTV_OFFSET.
#include <cstdint>

#include "arch.hpp"

namespace {
constexpr std::uintptr_t dtv_offset = 0x800;
struct TlsIndex {
    unsigned long module;
    unsigned long offset;
};
} // namespace

extern "C" void* __tls_get_addr(const TlsIndex* index) {
    return reinterpret_cast<void*>(sel4::runtime::arch::thread_pointer() + index->offset +
                                   dtv_offset);
}
