// operator new and delete on the runtime's heap, aligned forms included (for over-aligned
// types). The throwing forms call the new-handler, then throw std::bad_alloc, as the standard
// says.
#include <cstdlib>
#include <new>

extern "C" void* memalign(std::size_t align, std::size_t size);

namespace {

template <typename Allocate>
void* allocate_or_throw(Allocate allocate) {
    for (;;) {
        if (void* p = allocate()) return p;
        std::new_handler handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

void* allocate(std::size_t size) {
    return allocate_or_throw([size] { return std::malloc(size); });
}

void* allocate(std::size_t size, std::align_val_t align) {
    return allocate_or_throw(
        [size, align] { return memalign(static_cast<std::size_t>(align), size); });
}

} // namespace

void* operator new(std::size_t size) {
    return allocate(size);
}
void* operator new[](std::size_t size) {
    return allocate(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    return std::malloc(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    return std::malloc(size);
}
void* operator new(std::size_t size, std::align_val_t align) {
    return allocate(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align) {
    return allocate(size, align);
}
void* operator new(std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
    return memalign(static_cast<std::size_t>(align), size);
}
void* operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
    return memalign(static_cast<std::size_t>(align), size);
}

void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
    std::free(p);
}
