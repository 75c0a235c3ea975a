// The heap behind malloc and new: one TLSF allocator (sel4/runtime/tlsf.hpp) for every
// architecture and C library. It starts with the image's static arena, the first time
// something allocates; more memory (frames mapped from untyped memory) can be added.
#pragma once

#include <cstddef>

#include <sel4/runtime/tlsf.hpp>

namespace sel4::runtime {

// Gives [memory, memory + bytes) to the heap for good; false if the heap cannot take it.
bool heap_add_memory(void* memory, std::size_t bytes) noexcept;

// A snapshot of the heap's counters (used_blocks for leak checks).
HeapStatistics heap_statistics() noexcept;

// Walks the whole heap checking its invariants (slow; for tests).
bool heap_check() noexcept;

} // namespace sel4::runtime
