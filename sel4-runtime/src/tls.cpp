#include <cstdint>

#include <sel4/runtime/runtime.hpp>

#include "arch.hpp"

namespace sel4::runtime {

void run_with_initial_tls(void (*continuation)(void*), void* argument) noexcept {
    const TlsImage image = tls_image();
    const TlsLayout layout = compute_tls_layout(image, arch::tls_variant, arch::tls_tcb_size);
    // The region lives in this frame, which is never left: continuation does not return.
    void* unaligned = __builtin_alloca(layout.region_size + layout.region_align);
    const auto address = align_up(reinterpret_cast<std::uintptr_t>(unaligned), layout.region_align);
    void* region = reinterpret_cast<void*>(address);
    set_thread_pointer(initialize_tls_region(region, image, layout, arch::tls_variant));
    continuation(argument);
    sel4_runtime_stop_current_thread(); // it must not return; if it does, the thread stops
}

TlsLayout thread_tls_layout() noexcept {
    return compute_tls_layout(tls_image(), arch::tls_variant, arch::tls_tcb_size);
}

std::uintptr_t initialize_thread_tls(void* region, std::size_t size) noexcept {
    const TlsImage image = tls_image();
    const TlsLayout layout = compute_tls_layout(image, arch::tls_variant, arch::tls_tcb_size);
    if (size < layout.region_size || reinterpret_cast<std::uintptr_t>(region) % layout.region_align)
        fatal("initialize_thread_tls: region too small or misaligned for this image's TLS");
    return initialize_tls_region(region, image, layout, arch::tls_variant);
}

} // namespace sel4::runtime
