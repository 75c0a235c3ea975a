#include <sel4/runtime/runtime.hpp>
#include <sel4/sys.hpp>

namespace sel4::runtime {

void debug_write(std::string_view text) noexcept {
#ifdef CONFIG_PRINTING
    for (char c : text)
        seL4_DebugPutChar(c);
#else
    (void)text; // the kernel has no debug console
#endif
}

} // namespace sel4::runtime

// For the C library glue.
extern "C" void sel4_runtime_debug_put_char(char c) {
    sel4::runtime::debug_write({&c, 1});
}
