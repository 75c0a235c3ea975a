#include "internal.hpp"

#include <sel4/runtime/runtime.hpp>

// Defined by the linker at the ELF header when the first loadable segment covers it, as the
// default linker scripts arrange for static executables.
extern "C" const sel4::elf::NativeFileHeader __ehdr_start;

namespace sel4::runtime {

std::span<const elf::NativeProgramHeader> program_headers() noexcept {
    const auto* base = reinterpret_cast<const unsigned char*>(&__ehdr_start);
    return {reinterpret_cast<const elf::NativeProgramHeader*>(base + __ehdr_start.phoff),
            __ehdr_start.phnum};
}

} // namespace sel4::runtime
