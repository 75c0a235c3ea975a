#include <sel4/runtime/runtime.hpp>

#include "arch.hpp"

namespace sel4::runtime {

void set_thread_pointer(std::uintptr_t thread_pointer) noexcept {
    arch::write_thread_pointer(thread_pointer);
}

} // namespace sel4::runtime
