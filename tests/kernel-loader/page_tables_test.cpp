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

TEST(PageTables, ArmSectionsMapTheAarch32KernelWindowAndIdentity) {
    auto table = std::make_unique<ArmSections::Entry[]>(ArmSections::entries);
    SingleLevelTable<ArmSections> tables(table.get());
    // seL4's aarch32 kernel window: 0xe0000000 up to the top, onto the start of RAM.
    ASSERT_TRUE(tables.map(0xe0000000, 0x40000000, 0x20000000, Memory::normal));
    ASSERT_TRUE(tables.map(0x60000000, 0x60000000, 0x180000, Memory::normal));
    std::uint64_t physical = 0;
    ASSERT_TRUE(tables.translate(0xe0123456, physical));
    EXPECT_EQ(physical, 0x40123456u);
    ASSERT_TRUE(tables.translate(0xffffffff, physical));
    EXPECT_EQ(physical, 0x5fffffffu);
    ASSERT_TRUE(tables.translate(0x601fffff, physical)); // 1.5 MiB: two sections
    EXPECT_FALSE(tables.translate(0x60200000, physical));
    EXPECT_FALSE(tables.translate(0x40000000, physical));
    // Remapping a section elsewhere, or past the 32-bit address space, is refused.
    EXPECT_FALSE(tables.map(0x60000000, 0x70000000, 4096, Memory::normal));
    EXPECT_FALSE(tables.map(0xfff00000, 0x40000000, 2u << 20, Memory::normal));
    EXPECT_FALSE(tables.map(0x100000000, 0x40000000, 4096, Memory::normal));
}

TEST(PageTables, ArmSectionDescriptorsCarryTheRightAttributes) {
    const auto normal = ArmSections::leaf(0x40100000, Memory::normal);
    EXPECT_EQ(normal & 0b11, 0b10u);             // section
    EXPECT_EQ(normal & 0xfff00000, 0x40100000u); // base
    EXPECT_EQ((normal >> 10) & 3, 1u);           // AP: privileged read/write only
    EXPECT_EQ((normal >> 12) & 7, 1u);           // TEX 001 with C and B: write-back
    EXPECT_EQ(normal & 0b1100, 0b1100u);
    EXPECT_EQ((normal >> 5) & 15, 0u); // domain 0
    const auto device = ArmSections::leaf(0x09000000, Memory::device);
    EXPECT_EQ(device & 0b1100, 0b0100u); // shareable device
    EXPECT_EQ((device >> 12) & 7, 0u);
}

TEST(PageTables, Sv32MapsTheRiscv32KernelWindow) {
    auto table = std::make_unique<Sv32::Entry[]>(Sv32::entries);
    SingleLevelTable<Sv32> tables(table.get());
    ASSERT_TRUE(tables.map(0xff800000, 0x80400000, 0x800000, Memory::normal));
    ASSERT_TRUE(tables.map(0x84000000, 0x84000000, 0x10000, Memory::normal));
    std::uint64_t physical = 0;
    ASSERT_TRUE(tables.translate(0xff812345, physical));
    EXPECT_EQ(physical, 0x80412345u);
    ASSERT_TRUE(tables.translate(0x843fffff, physical));
    EXPECT_EQ(physical, 0x843fffffu);
    EXPECT_FALSE(tables.translate(0x84400000, physical));
    const auto leaf = Sv32::leaf(0x80400000, Memory::normal);
    EXPECT_EQ(leaf & 0xff, 0xcfu); // V R W X A D
    EXPECT_EQ(Sv32::address(leaf), 0x80400000u);
}
