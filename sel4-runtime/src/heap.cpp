// malloc and friends for every C library (newlib's and picolibc's are never linked: these
// definitions come first), on the runtime's TLSF heap. A spin lock that yields makes it safe
// between the threads of an image.
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <malloc.h>

#include <sel4/runtime/heap.hpp>
#include <sel4/runtime/message.hpp>
#include <sel4/runtime/runtime.hpp>
#include <sel4/sys.hpp>

namespace {

constinit sel4::runtime::Tlsf tlsf;
constinit bool started = false;
constinit std::atomic<int> locked = 0; // a word: riscv64 has no byte-sized exchange

// The heap, locked, with the image's static arena added the first time.
class Heap {
  public:
    Heap() {
        while (locked.exchange(1, std::memory_order_acquire))
            seL4_Yield();
        if (!started) {
            started = true;
            if (sel4_runtime_heap_size)
                (void)tlsf.add_pool(sel4_runtime_heap_start, sel4_runtime_heap_size);
        }
    }
    ~Heap() { locked.store(0, std::memory_order_release); }
    Heap(const Heap&) = delete;
    sel4::runtime::Tlsf* operator->() { return &tlsf; }
};

void* out_of_memory() {
    errno = ENOMEM;
    return nullptr;
}

[[noreturn]] void bad_pointer(const char* function, const void* pointer) {
    sel4::runtime::Message<> message;
    message << function << ": ";
    message.hex(reinterpret_cast<std::uintptr_t>(pointer));
    message << " is not a live block of the heap (freed twice, or never allocated)";
    sel4::runtime::fatal(message.view());
}

bool valid_alignment(std::size_t align) {
    return align && !(align & (align - 1));
}

} // namespace

namespace sel4::runtime {

bool heap_add_memory(void* memory, std::size_t bytes) noexcept {
    return Heap()->add_pool(memory, bytes);
}

HeapStatistics heap_statistics() noexcept {
    return Heap()->statistics();
}

bool heap_check() noexcept {
    return Heap()->check();
}

} // namespace sel4::runtime

extern "C" {

void* malloc(std::size_t size) {
    void* p = Heap()->allocate(size);
    return p ? p : out_of_memory();
}

void free(void* pointer) {
    if (!Heap()->release(pointer)) bad_pointer("free", pointer);
}

void* calloc(std::size_t count, std::size_t size) {
    std::size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes)) return out_of_memory();
    void* p = Heap()->allocate(bytes);
    if (!p) return out_of_memory();
    std::memset(p, 0, bytes);
    return p;
}

void* realloc(void* pointer, std::size_t size) {
    if (pointer && size == 0) {
        free(pointer);
        return nullptr;
    }
    bool invalid = false;
    void* p = Heap()->reallocate(pointer, size, &invalid);
    if (invalid) bad_pointer("realloc", pointer);
    return p ? p : out_of_memory();
}

void* memalign(std::size_t align, std::size_t size) {
    if (!valid_alignment(align)) {
        errno = EINVAL;
        return nullptr;
    }
    void* p = Heap()->allocate_aligned(align, size);
    return p ? p : out_of_memory();
}

void* aligned_alloc(std::size_t align, std::size_t size) {
    return memalign(align, size);
}

int posix_memalign(void** result, std::size_t align, std::size_t size) {
    if (!valid_alignment(align) || align % sizeof(void*)) return EINVAL;
    void* p = Heap()->allocate_aligned(align, size);
    if (!p) return ENOMEM;
    *result = p;
    return 0;
}

void* valloc(std::size_t size) {
    return memalign(4096, size);
}

void* pvalloc(std::size_t size) {
    return memalign(4096, (size + 4095) & ~std::size_t{4095});
}

std::size_t malloc_usable_size(void* pointer) {
    return pointer ? Heap()->usable_size(pointer) : 0;
}

// The C libraries' heap report, from the TLSF heap's counters (their own would bring their
// allocator in).
struct mallinfo mallinfo(void) {
    const auto stats = sel4::runtime::heap_statistics();
    struct mallinfo info {};
    info.arena = stats.pool_bytes;
    info.ordblks = 0;
    info.uordblks = stats.used_bytes;
    info.fordblks = stats.free_bytes;
    info.usmblks = stats.peak_used_bytes;
    return info;
}

int malloc_trim(std::size_t) {
    return 0; // pools are never given back
}
}
