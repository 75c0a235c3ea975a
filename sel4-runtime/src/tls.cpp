#include <sel4/runtime/runtime.hpp>

#include "arch.hpp"
#include "internal.hpp"

namespace sel4::runtime {

TlsLayout thread_tls_layout() noexcept {
    return compute_tls_layout(linked_tls_image(), arch::tls_variant, arch::tls_tcb_size);
}

} // namespace sel4::runtime
