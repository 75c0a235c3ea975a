// TLS for threads other than the initial one: a region filled from .tdata as linked. The initial
// thread uses .tdata in place and may change it, so images that start threads (the only ones that
// link this file) take a copy before any constructor or main runs.
#include <cstring>

#include <sel4/runtime/runtime.hpp>

#include "arch.hpp"
#include "internal.hpp"

namespace {

void copy_tdata() {
    std::memcpy(sel4_tls_snapshot, sel4_tls_start, sel4::runtime::link_value(sel4_tls_file_size));
}

// .preinit_array runs first in sel4::runtime::initialize(), before .init_array.
[[gnu::used, gnu::section(".preinit_array")]] void (*copy_tdata_at_start)() = copy_tdata;

} // namespace

namespace sel4::runtime {

std::uintptr_t initialize_thread_tls(void* region, std::size_t size) noexcept {
    const TlsImage image = linked_tls_image();
    const TlsLayout layout = compute_tls_layout(image, arch::tls_variant, arch::tls_tcb_size);
    if (size < layout.region_size || reinterpret_cast<std::uintptr_t>(region) % layout.region_align)
        fatal("initialize_thread_tls: region too small or misaligned for this image's TLS");
    return initialize_tls_region(region, image, layout, arch::tls_variant);
}

} // namespace sel4::runtime
