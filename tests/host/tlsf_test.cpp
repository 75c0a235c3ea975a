#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

#include <sel4/runtime/tlsf.hpp>

using sel4::runtime::Tlsf;

namespace {

struct Heap {
    explicit Heap(std::size_t bytes) : memory(bytes + 64) {
        EXPECT_TRUE(tlsf.add_pool(memory.data(), bytes));
    }
    std::vector<std::byte> memory;
    Tlsf tlsf;
};

bool aligned(const void* p, std::size_t align) {
    return reinterpret_cast<std::uintptr_t>(p) % align == 0;
}

} // namespace

TEST(Tlsf, BlocksAreAlignedForMaxAlignT) {
    Heap heap(1 << 16);
    for (std::size_t size : {0, 1, 7, 8, 15, 16, 17, 100, 255, 256, 1000, 4097}) {
        void* p = heap.tlsf.allocate(size);
        ASSERT_NE(p, nullptr) << size;
        EXPECT_TRUE(aligned(p, alignof(std::max_align_t))) << size;
        EXPECT_TRUE(aligned(p, 16)) << size;
        EXPECT_GE(heap.tlsf.usable_size(p), size);
        std::memset(p, 0xa5, size);
    }
    EXPECT_TRUE(heap.tlsf.check());
}

TEST(Tlsf, OverAlignedRequests) {
    Heap heap(1 << 20);
    std::vector<void*> blocks;
    for (std::size_t align = 32; align <= 65536; align *= 2) {
        for (std::size_t size : {1, 24, 100, 5000}) {
            void* p = heap.tlsf.allocate_aligned(align, size);
            ASSERT_NE(p, nullptr) << align << " " << size;
            EXPECT_TRUE(aligned(p, align)) << align;
            std::memset(p, 1, size);
            blocks.push_back(p);
            ASSERT_TRUE(heap.tlsf.check());
        }
    }
    EXPECT_EQ(heap.tlsf.allocate_aligned(48, 16), nullptr); // not a power of two
    for (void* p : blocks)
        ASSERT_TRUE(heap.tlsf.release(p));
    EXPECT_TRUE(heap.tlsf.check());
    EXPECT_EQ(heap.tlsf.statistics().used_blocks, 0u);
}

TEST(Tlsf, FreeingEverythingCoalescesIntoOneBlock) {
    Heap heap(1 << 20);
    const std::size_t whole = heap.tlsf.largest_free();
    std::vector<void*> blocks;
    for (int i = 0; i < 1000; ++i)
        blocks.push_back(heap.tlsf.allocate(16 + (i * 37) % 700));
    for (std::size_t i = 0; i < blocks.size(); i += 2)
        ASSERT_TRUE(heap.tlsf.release(blocks[i]));
    for (std::size_t i = 1; i < blocks.size(); i += 2)
        ASSERT_TRUE(heap.tlsf.release(blocks[i]));
    EXPECT_TRUE(heap.tlsf.check());
    EXPECT_EQ(heap.tlsf.largest_free(), whole);
}

// The x86_64 regression of newlib's allocator: after heavy mixed-size churn, a block of most
// of the heap must still be allocatable.
TEST(Tlsf, LargeBlockAfterMixedSizeChurn) {
    Heap heap(8 << 20);
    std::mt19937 random(42);
    std::vector<void*> live;
    for (int round = 0; round < 200000; ++round) {
        if (live.size() < 2000 && (random() % 3 || live.empty())) {
            const std::size_t size = random() % 4 ? random() % 256 : random() % 65536;
            if (void* p = random() % 8 ? heap.tlsf.allocate(size)
                                       : heap.tlsf.allocate_aligned(64 << (random() % 6), size))
                live.push_back(p);
        } else {
            const std::size_t i = random() % live.size();
            ASSERT_TRUE(heap.tlsf.release(live[i]));
            live[i] = live.back();
            live.pop_back();
        }
    }
    ASSERT_TRUE(heap.tlsf.check());
    for (void* p : live)
        ASSERT_TRUE(heap.tlsf.release(p));
    EXPECT_TRUE(heap.tlsf.check());
    EXPECT_NE(heap.tlsf.allocate(7 << 20), nullptr);
}

TEST(Tlsf, ReallocateGrowsInPlaceShrinksAndMoves) {
    Heap heap(1 << 16);
    auto* p = static_cast<char*>(heap.tlsf.allocate(100));
    std::memset(p, 'x', 100);
    auto* q = static_cast<char*>(heap.tlsf.reallocate(p, 1000));
    EXPECT_EQ(q, p); // the rest of the pool follows it
    EXPECT_EQ(q[99], 'x');
    auto* blocker = heap.tlsf.allocate(16);
    auto* r = static_cast<char*>(heap.tlsf.reallocate(q, 40));
    EXPECT_EQ(r, q);
    auto* s = static_cast<char*>(heap.tlsf.reallocate(r, 4000));
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s[39], 'x');
    EXPECT_TRUE(heap.tlsf.check());
    EXPECT_EQ(heap.tlsf.reallocate(s, std::size_t{1} << 60), nullptr); // too big: s stays
    EXPECT_EQ(s[0], 'x');
    ASSERT_TRUE(heap.tlsf.release(s));
    ASSERT_TRUE(heap.tlsf.release(blocker));
    EXPECT_TRUE(heap.tlsf.check());
}

TEST(Tlsf, StatisticsCountLiveBlocksForLeakChecks) {
    Heap heap(1 << 16);
    const auto before = heap.tlsf.statistics();
    void* a = heap.tlsf.allocate(10);
    void* b = heap.tlsf.allocate(300);
    EXPECT_EQ(heap.tlsf.statistics().used_blocks, 2u);
    EXPECT_EQ(heap.tlsf.statistics().used_bytes,
              heap.tlsf.usable_size(a) + heap.tlsf.usable_size(b));
    ASSERT_TRUE(heap.tlsf.release(a));
    ASSERT_TRUE(heap.tlsf.release(b));
    EXPECT_EQ(heap.tlsf.statistics().used_blocks, 0u);
    EXPECT_EQ(heap.tlsf.statistics().free_bytes, before.free_bytes);
    EXPECT_GE(heap.tlsf.statistics().peak_used_bytes, 300u);
    EXPECT_EQ(heap.tlsf.statistics().allocations, 2u);
}

TEST(Tlsf, ExhaustionAndBadPointersAreReported) {
    Heap heap(4096);
    EXPECT_EQ(heap.tlsf.allocate(8192), nullptr);
    EXPECT_EQ(heap.tlsf.statistics().failures, 1u);
    void* p = heap.tlsf.allocate(64);
    ASSERT_TRUE(heap.tlsf.release(p));
    EXPECT_FALSE(heap.tlsf.release(p)); // double free
    int outside = 0;
    EXPECT_FALSE(heap.tlsf.release(&outside));
    EXPECT_EQ(heap.tlsf.usable_size(&outside), 0u);
    EXPECT_TRUE(heap.tlsf.check());
}

TEST(Tlsf, SeveralPools) {
    std::vector<std::byte> a(4096), b(1 << 16);
    Tlsf tlsf;
    ASSERT_TRUE(tlsf.add_pool(a.data(), a.size()));
    ASSERT_TRUE(tlsf.add_pool(b.data(), b.size()));
    EXPECT_FALSE(tlsf.add_pool(a.data(), 8)); // too small
    void* big = tlsf.allocate(30000);
    ASSERT_NE(big, nullptr);
    EXPECT_GE(static_cast<std::byte*>(big), b.data());
    EXPECT_TRUE(tlsf.check());
}

// A request just below the largest free block fits, though TLSF's size classes round it up.
TEST(Tlsf, RequestCloseToTheWholeHeap) {
    Heap heap(64 << 20);
    const std::size_t whole = heap.tlsf.largest_free();
    void* p = heap.tlsf.allocate(whole);
    ASSERT_NE(p, nullptr);
    ASSERT_TRUE(heap.tlsf.release(p));
    EXPECT_NE(heap.tlsf.allocate(63 << 20), nullptr);
    EXPECT_TRUE(heap.tlsf.check());
}
