// Runtime-internal interfaces between its source files.
#pragma once

#include <span>

#include <sel4/elf/types.hpp>

namespace sel4::runtime {

// The running image's program headers (the ELF header is mapped with the first segment).
std::span<const elf::NativeProgramHeader> program_headers() noexcept;

} // namespace sel4::runtime
