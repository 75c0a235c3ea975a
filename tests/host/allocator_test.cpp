// The allocation logic behind sel4::Env: slots and untyped memory, as the kernel places objects.
#include <gtest/gtest.h>

#include <sel4/alloc/slot_allocator.hpp>
#include <sel4/alloc/untyped_allocator.hpp>

using sel4::alloc::SlotAllocator;
using sel4::alloc::UntypedAllocator;

TEST(SlotAllocator, HandsOutTheRangeThenFails) {
    SlotAllocator slots(10, 13);
    EXPECT_EQ(slots.allocate(), 10u);
    EXPECT_EQ(slots.allocate(), 11u);
    EXPECT_EQ(slots.allocate(), 12u);
    EXPECT_EQ(slots.allocate(), std::nullopt);
    EXPECT_EQ(slots.available(), 0u);
}

TEST(SlotAllocator, ReusesFreedSlotsAndIgnoresForeignOnes) {
    SlotAllocator slots(10, 20);
    const auto a = *slots.allocate();
    slots.allocate();
    slots.free(a);
    slots.free(5);  // not ours
    slots.free(15); // never handed out
    EXPECT_EQ(slots.allocate(), a);
    EXPECT_EQ(slots.allocate(), 12u);
}

TEST(SlotAllocator, RangesAreConsecutive) {
    SlotAllocator slots(0, 8);
    slots.allocate();
    EXPECT_EQ(slots.allocate_range(4), 1u);
    EXPECT_EQ(slots.allocate_range(4), std::nullopt);
    EXPECT_EQ(slots.allocate_range(3), 5u);
    EXPECT_EQ(slots.allocate_range(0), std::nullopt);
}

TEST(UntypedAllocator, AlignsLikeTheKernel) {
    UntypedAllocator untypeds;
    untypeds.add(0, 0x100000, 16, false);
    const auto a = untypeds.allocate(4);  // 16 bytes at 0
    const auto b = untypeds.allocate(12); // 4 KiB: aligned up to 4096
    const auto c = untypeds.allocate(4);  // after b
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(a->offset, 0u);
    EXPECT_EQ(b->offset, 4096u);
    EXPECT_EQ(c->offset, 8192u);
    EXPECT_EQ(untypeds.memory_available(), 65536u - 8192u - 16u);
}

TEST(UntypedAllocator, KeepsLargeUntypedsForLargeObjects) {
    UntypedAllocator untypeds;
    untypeds.add(0, 0x0, 21, false);             // 2 MiB
    untypeds.add(1, 0x400000, 12, false);        // 4 KiB
    untypeds.add(2, 0x800000, 22, true);         // device: never for objects
    EXPECT_EQ(untypeds.allocate(12)->index, 1u); // the tight fit
    EXPECT_EQ(untypeds.allocate(12)->index, 0u);
    EXPECT_EQ(untypeds.allocate(21), std::nullopt); // 2 MiB no longer fits anywhere
    EXPECT_EQ(untypeds.allocate(22), std::nullopt); // device memory is apart
}

TEST(UntypedAllocator, FailsWhenMemoryRunsOut) {
    UntypedAllocator untypeds;
    untypeds.add(7, 0, 13, false);
    EXPECT_TRUE(untypeds.allocate(12));
    EXPECT_TRUE(untypeds.allocate(12));
    EXPECT_EQ(untypeds.allocate(4), std::nullopt);
    EXPECT_EQ(untypeds.memory_available(), 0u);
}

TEST(UntypedAllocator, DeviceFramesByPhysicalAddressWithFillers) {
    UntypedAllocator untypeds;
    untypeds.add(3, 0x9000000, 24, true);
    // The frame at +0x3000: fillers of 8 KiB and 4 KiB first (the largest aligned blocks).
    const auto frame = untypeds.allocate_device(0x9003000, 12);
    ASSERT_TRUE(frame);
    EXPECT_EQ(frame->frame.index, 3u);
    EXPECT_EQ(frame->frame.offset, 0x3000u);
    EXPECT_EQ(frame->fillers, (std::vector<unsigned>{13, 12}));
    // Right after it: no fillers. Below it: gone.
    const auto next = untypeds.allocate_device(0x9004000, 12);
    ASSERT_TRUE(next);
    EXPECT_TRUE(next->fillers.empty());
    EXPECT_EQ(untypeds.allocate_device(0x9001000, 12), std::nullopt);
    EXPECT_EQ(untypeds.allocate_device(0x9004800, 12), std::nullopt); // misaligned
    EXPECT_EQ(untypeds.allocate_device(0x1000, 12), std::nullopt);    // no such device
    EXPECT_EQ(untypeds.allocate(12), std::nullopt);                   // devices are not memory
}
