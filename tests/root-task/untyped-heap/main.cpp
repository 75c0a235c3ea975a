// A 64 MiB heap from untyped memory (large pages mapped at start): allocatable in one block,
// and in many, on every configuration.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <sel4/root_task.hpp>
#include <sel4/runtime/heap.hpp>

namespace {
constexpr std::size_t untyped_heap = 64 << 20;
}

int main_task(const seL4_BootInfo&) {
    const auto stats = sel4::runtime::heap_statistics();
    std::printf("untyped-heap: %zu MiB in the heap\n", stats.pool_bytes >> 20);
    auto* big = static_cast<char*>(std::malloc(untyped_heap - (1 << 20)));
    if (!big) return 1;
    std::memset(big, 0x5a, untyped_heap - (1 << 20)); // every page is there
    std::free(big);
    std::vector<std::vector<char>> many;
    for (int i = 0; i < 48; ++i)
        many.emplace_back(1 << 20, static_cast<char>(i));
    if (many[47][12345] != 47 || !sel4::runtime::heap_check()) return 2;
    std::printf("untyped-heap: all passed\n");
    return 0;
}

SEL4_ROOT_TASK_MAIN(main_task, .heap_size = 64 << 10, .untyped_heap_size = untyped_heap)
