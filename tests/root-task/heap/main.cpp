// The heap's promises on the real kernel: malloc, new and aligned_alloc alignments, aligned new
// for over-aligned types, realloc, usable size, no leak after freeing, and a block of most of
// the heap after heavy mixed-size churn.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <memory>
#include <new>
#include <vector>

#include <sel4/root_task.hpp>
#include <sel4/runtime/heap.hpp>

namespace {

int failures = 0;

void check(bool ok, const char* what) {
    std::printf("heap: %s: %s\n", what, ok ? "ok" : "FAILED");
    if (!ok) ++failures;
}

bool aligned(const void* p, std::size_t align) {
    return reinterpret_cast<std::uintptr_t>(p) % align == 0;
}

struct alignas(128) OverAligned {
    char bytes[200];
};

constexpr std::size_t heap_size = 4 << 20;

// A small deterministic generator (no <random>: it is large).
std::uint32_t next_random(std::uint32_t& state) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
}

} // namespace

int main_task(const seL4_BootInfo&) {
    // The C library allocates its stdio buffers on first use (newlib does): before counting.
    std::printf("heap: %zu bytes\n", heap_size);
    const auto before = sel4::runtime::heap_statistics();
    bool all_aligned = true;
    for (std::size_t size : {1, 8, 15, 16, 24, 100, 1000}) {
        void* m = std::malloc(size);
        auto* n = new char[size];
        all_aligned = all_aligned && aligned(m, 16) && aligned(n, 16);
        all_aligned = all_aligned && malloc_usable_size(m) >= size;
        std::free(m);
        delete[] n;
    }
    // 16 bytes everywhere, which covers max_align_t (8 on the 32-bit ARM ABI, 16 elsewhere).
    check(alignof(std::max_align_t) <= 16 && all_aligned, "malloc and new are 16-byte aligned");

    bool over_aligned = true;
    for (std::size_t align = 32; align <= 8192; align *= 2) {
        void* a = std::aligned_alloc(align, align * 3);
        void* m = memalign(align, 40);
        void* p = nullptr;
        over_aligned = over_aligned && a && m && aligned(a, align) && aligned(m, align) &&
                       posix_memalign(&p, align, 10) == 0 && aligned(p, align);
        std::free(a);
        std::free(m);
        std::free(p);
    }
    check(over_aligned, "aligned_alloc, memalign, posix_memalign up to 8 KiB");
    auto objects = std::make_unique<OverAligned[]>(5);
    auto* single = new OverAligned;
    check(aligned(objects.get(), 128) && aligned(single, 128), "new of an alignas(128) type");
    delete single;
    objects.reset();

    auto* text = static_cast<char*>(std::malloc(10));
    std::strcpy(text, "realloc");
    text = static_cast<char*>(std::realloc(text, 100000));
    check(text && std::strcmp(text, "realloc") == 0, "realloc keeps the contents");
    std::free(text);

    std::uint32_t state = 12345;
    std::vector<void*> live;
    live.reserve(1000);
    for (int round = 0; round < 40000; ++round) {
        if (live.size() < 1000 && (next_random(state) % 3 || live.empty())) {
            const std::size_t size =
                next_random(state) % 4 ? next_random(state) % 256 : next_random(state) % 16384;
            if (void* p = std::malloc(size)) live.push_back(p);
        } else {
            const std::size_t i = next_random(state) % live.size();
            std::free(live[i]);
            live[i] = live.back();
            live.pop_back();
        }
    }
    for (void* p : live)
        std::free(p);
    std::vector<void*>().swap(live); // give its buffer back too
    check(sel4::runtime::heap_check(), "heap invariants after churn");
    void* large = std::malloc(heap_size * 7 / 8);
    check(large != nullptr, "a block of 7/8 of the heap after mixed-size churn");
    std::free(large);
    const auto after = sel4::runtime::heap_statistics();
    std::printf("heap: %zu live blocks before, %zu after; peak %zu bytes; %zu allocations\n",
                before.used_blocks, after.used_blocks, after.peak_used_bytes, after.allocations);
    check(after.used_blocks == before.used_blocks, "no block leaked (heap statistics)");

    if (failures) return failures;
    std::printf("heap: all passed\n");
    return 0;
}

SEL4_ROOT_TASK_MAIN(main_task, .heap_size = heap_size)
