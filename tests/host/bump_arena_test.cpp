#include <gtest/gtest.h>

#include <sel4/runtime/bump_arena.hpp>

using sel4::runtime::BumpArena;

TEST(BumpArena, GrowsAndReturnsTheOldBreak) {
    std::byte memory[64];
    BumpArena arena(memory, sizeof memory);
    EXPECT_EQ(arena.grow(16), memory);
    EXPECT_EQ(arena.grow(0), memory + 16);
    EXPECT_EQ(arena.grow(48), memory + 16);
    EXPECT_EQ(arena.used(), 64u);
}

TEST(BumpArena, RefusesToGrowPastTheEndAndChangesNothing) {
    std::byte memory[64];
    BumpArena arena(memory, sizeof memory);
    ASSERT_NE(arena.grow(60), nullptr);
    EXPECT_EQ(arena.grow(5), nullptr);
    EXPECT_EQ(arena.used(), 60u);
    EXPECT_EQ(arena.grow(4), memory + 60);
}

TEST(BumpArena, ShrinksButNotBelowTheStart) {
    std::byte memory[64];
    BumpArena arena(memory, sizeof memory);
    ASSERT_NE(arena.grow(32), nullptr);
    EXPECT_EQ(arena.grow(-16), memory + 32);
    EXPECT_EQ(arena.used(), 16u);
    EXPECT_EQ(arena.grow(-17), nullptr);
    EXPECT_EQ(arena.used(), 16u);
}

TEST(BumpArena, HugeRequestsDoNotWrapAround) {
    std::byte memory[64];
    BumpArena arena(memory, sizeof memory);
    EXPECT_EQ(arena.grow(PTRDIFF_MAX), nullptr);
    EXPECT_EQ(arena.grow(PTRDIFF_MIN), nullptr);
}
