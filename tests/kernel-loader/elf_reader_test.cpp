#include <gtest/gtest.h>

#include <sel4/elf/reader.hpp>

#include "elf_builder.hpp"

using sel4::elf::Error;
using sel4::elf::Machine;
using sel4::elf::Reader;

namespace {
Reader read(const std::vector<std::byte>& file, Machine machine = Machine::aarch64) {
    return Reader(std::span<const std::byte>(file.data(), file.size()), machine);
}
} // namespace

TEST(ElfReader, AcceptsAValidExecutableAndReportsItsExtent) {
    const auto file = test::make_elf(Machine::aarch64, 0x1000,
                                     {{0x1000, 0x80001000, test::bytes({1, 2, 3}), 0x2000},
                                      {0x4000, 0x80004000, test::bytes({4}), 0}});
    const auto reader = read(file);
    ASSERT_TRUE(reader.ok()) << sel4::elf::describe(reader.error());
    EXPECT_EQ(reader.entry(), 0x1000u);
    EXPECT_EQ(reader.physical_extent().start, 0x80001000u);
    EXPECT_EQ(reader.physical_extent().end, 0x80004001u);
    EXPECT_EQ(reader.virtual_extent().start, 0x1000u);
    EXPECT_EQ(reader.segment_data(reader.segment(0)).size(), 3u);
}

TEST(ElfReader, RejectsWhatIsNotAnElf) {
    EXPECT_EQ(read(test::bytes({1, 2, 3})).error(), Error::too_small);
    auto file = test::make_elf(Machine::aarch64, 0, {{0, 0, test::bytes({1}), 0}});
    file[1] = std::byte{'X'};
    EXPECT_EQ(read(file).error(), Error::not_elf);
}

TEST(ElfReader, RejectsTheWrongArchitecture) {
    const auto file = test::make_elf(Machine::riscv, 0, {{0, 0, test::bytes({1}), 0}});
    EXPECT_EQ(read(file, Machine::aarch64).error(), Error::wrong_machine);
}

TEST(ElfReader, RejectsOverlappingSegments) {
    const auto file = test::make_elf(
        Machine::aarch64, 0,
        {{0x1000, 0x1000, test::bytes({1}), 0x1000}, {0x1800, 0x1800, test::bytes({1}), 0x10}});
    EXPECT_EQ(read(file).error(), Error::overlapping_segments);
}

TEST(ElfReader, RejectsSegmentsOutsideTheFile) {
    auto file = test::make_elf(Machine::aarch64, 0, {{0, 0, test::bytes({1, 2}), 0}});
    file.pop_back();
    EXPECT_EQ(read(file).error(), Error::segment_outside_file);
}

TEST(ElfReader, RejectsProgramHeadersOutsideTheFile) {
    auto file = test::make_elf(Machine::aarch64, 0, {{0, 0, test::bytes({1}), 0}});
    file.resize(sizeof(sel4::elf::FileHeader) + 10);
    EXPECT_EQ(read(file).error(), Error::bad_program_headers);
}

TEST(ElfReader, RejectsFileSizeLargerThanMemorySize) {
    const auto file = test::make_elf(Machine::aarch64, 0, {{0, 0, test::bytes({1, 2, 3}), 1}});
    EXPECT_EQ(read(file).error(), Error::segment_file_larger_than_memory);
}

TEST(ElfReader, RejectsAddressOverflow) {
    const auto file =
        test::make_elf(Machine::aarch64, 0, {{0xfffffffffffff000, 0, test::bytes({1}), 0x2000}});
    EXPECT_EQ(read(file).error(), Error::segment_address_overflow);
}

TEST(ElfReader, ReadsElf32WidenedTo64BitHeaders) {
    const auto file = test::make_elf32(Machine::arm, 0xa0000000,
                                       {{0xa0000000, 0x40000000, test::bytes({1, 2, 3}), 0x3000},
                                        {0xa0004000, 0x40004000, test::bytes({4}), 0}});
    Reader reader(std::span<const std::byte>(file.data(), file.size()), Machine::arm);
    ASSERT_TRUE(reader.ok()) << sel4::elf::describe(reader.error());
    EXPECT_FALSE(reader.is_64_bit());
    EXPECT_EQ(reader.entry(), 0xa0000000u);
    ASSERT_EQ(reader.segment_count(), 2u);
    EXPECT_EQ(reader.segment(1).paddr, 0x40004000u);
    EXPECT_EQ(reader.segment_data(reader.segment(0))[2], std::byte{3});
    EXPECT_EQ(reader.physical_extent().start, 0x40000000u);
    EXPECT_EQ(reader.physical_extent().end, 0x40004001u);
}

TEST(ElfReader, RejectsElf32SegmentsPastFourGigabytes) {
    const auto file =
        test::make_elf32(Machine::arm, 0, {{0xfffff000, 0xfffff000, test::bytes({1}), 0x2000}});
    Reader reader(std::span<const std::byte>(file.data(), file.size()), Machine::arm);
    EXPECT_EQ(reader.error(), Error::segment_address_overflow);
}

TEST(ElfReader, RejectsAnUnknownClass) {
    auto file = test::make_elf32(Machine::arm, 0, {{0x1000, 0x1000, test::bytes({1}), 0}});
    file[4] = std::byte{3};
    Reader reader(std::span<const std::byte>(file.data(), file.size()), Machine::arm);
    EXPECT_EQ(reader.error(), Error::bad_class);
}
