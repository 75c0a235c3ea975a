#include <gtest/gtest.h>

#include <memory>

#include <sel4/kernel_loader/page_tables.hpp>

using namespace sel4::kernel_loader;

namespace {
struct alignas(4096) Pool {
    Table tables[8] = {};
};
} // namespace

TEST(PageTables, Aarch64MapsTheSeL4KernelWindowAndIdentity) {
    auto pool = std::make_unique<Pool>();
    PageTables<Aarch64> high(pool->tables, 4);
    ASSERT_TRUE(high.map(0xffffffffc0000000, 0x40000000, 1u << 30, Memory::normal));
    std::uint64_t physical = 0;
    ASSERT_TRUE(high.translate(0xffffffffc0123456, physical));
    EXPECT_EQ(physical, 0x40123456u);
    ASSERT_TRUE(high.translate(0xffffffffffffffff & ~0xfffull, physical));
    EXPECT_EQ(physical, 0x7ffff000u);
    EXPECT_EQ(high.tables_used(), 3u); // L0, L1, L2

    PageTables<Aarch64> low(pool->tables + 4, 4);
    ASSERT_TRUE(low.map(0xa0000000, 0xa0000000, 5u << 20, Memory::normal));
    ASSERT_TRUE(low.map(0, 0, 1u << 30, Memory::device));
    EXPECT_TRUE(low.translate(0x09000000, physical));
    EXPECT_EQ(physical, 0x09000000u);
    EXPECT_TRUE(low.translate(0xa05fffff, physical)); // 5 MiB from a 2 MiB boundary: 3 blocks
    EXPECT_FALSE(low.translate(0xa0600000, physical));
}

TEST(PageTables, Aarch64BlockDescriptorsCarryTheRightAttributes) {
    const auto normal = Aarch64::block(0x40000000, Memory::normal);
    EXPECT_EQ(normal & 0b11, 0b01u);  // block
    EXPECT_EQ((normal >> 2) & 7, 4u); // MAIR index 4: normal memory
    EXPECT_TRUE(normal & (1u << 10)); // access flag
    EXPECT_EQ((Aarch64::block(0, Memory::device) >> 2) & 7, 0u);
}

TEST(PageTables, Sv39MapsTheSeL4KernelWindow) {
    auto pool = std::make_unique<Pool>();
    PageTables<Sv39> tables(pool->tables, 4);
    ASSERT_TRUE(
        tables.map(0xffffffff80200000, 0x80200000, (1u << 30) - (2u << 20), Memory::normal));
    ASSERT_TRUE(tables.map(0xa0000000, 0xa0000000, 4u << 20, Memory::normal));
    std::uint64_t physical = 0;
    ASSERT_TRUE(tables.translate(0xffffffff80200010, physical));
    EXPECT_EQ(physical, 0x80200010u);
    ASSERT_TRUE(tables.translate(0xa0000000, physical));
    EXPECT_EQ(physical, 0xa0000000u);
    EXPECT_FALSE(tables.translate(0xffffffff80000000, physical)); // below the window
    const auto leaf = Sv39::block(0x80200000, Memory::normal);
    EXPECT_EQ(leaf & 0xff, 0xcfu); // V R W X A D
}

TEST(PageTables, RefusesToRemapABlockElsewhereOrToOverflowThePool) {
    auto pool = std::make_unique<Pool>();
    PageTables<Sv39> tables(pool->tables, 2);
    ASSERT_TRUE(tables.map(0x80000000, 0x80000000, 2u << 20, Memory::normal));
    EXPECT_TRUE(tables.map(0x80000000, 0x80000000, 2u << 20, Memory::normal)); // same: fine
    EXPECT_FALSE(tables.map(0x80000000, 0x90000000, 2u << 20, Memory::normal));
    EXPECT_FALSE(
        tables.map(0x1'0000'0000, 0x1'0000'0000, 2u << 20, Memory::normal)); // no table left
}
