// malloc's memory: the C libraries call sbrk; it grows within the image's heap arena.
#include <cerrno>
#include <cstdint>

#include <sel4/runtime/bump_arena.hpp>
#include <sel4/runtime/runtime.hpp>

namespace {
sel4::runtime::BumpArena& arena() {
    static sel4::runtime::BumpArena heap{sel4_runtime_heap_start, sel4_runtime_heap_size};
    return heap;
}
} // namespace

extern "C" void* sbrk(std::ptrdiff_t increment) {
    if (void* old_break = arena().grow(increment)) return old_break;
    errno = ENOMEM;
    return reinterpret_cast<void*>(-1);
}
