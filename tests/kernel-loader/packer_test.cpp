#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <sel4/elf/reader.hpp>
#include <sel4/kernel_loader/packer.hpp>

#include "elf_builder.hpp"

using namespace sel4::kernel_loader;
using sel4::elf::Machine;

namespace {

Bytes dtb() {
    Bytes bytes(64);
    const unsigned char header[8] = {0xd0, 0x0d, 0xfe, 0xed, 0, 0, 0, 64};
    std::memcpy(bytes.data(), header, sizeof header);
    return bytes;
}

PackInputs riscv_inputs() {
    PackInputs inputs;
    inputs.machine = Machine::riscv;
    inputs.loader = test::make_elf(Machine::riscv, 0xa0000000,
                                   {{0xa0000000, 0xa0000000, test::bytes({1, 2}), 0x3000}});
    inputs.kernel =
        test::make_elf(Machine::riscv, 0xffffffff80200000,
                       {{0xffffffff80200000, 0x80200000, test::bytes({3, 4}), 0x21000}});
    inputs.root_task = test::make_elf(Machine::riscv, 0x400000,
                                      {{0x400000, 0x400000, test::bytes({5, 6, 7}), 0x1000},
                                       {0x402000, 0x402000, test::bytes({8}), 0x800}});
    inputs.dtb = dtb();
    inputs.memory = {{0x80200000, 0x100000000}};
    return inputs;
}

std::string pack_error(const PackInputs& inputs) {
    try {
        plan_payload(inputs);
    } catch (const PackError& error) {
        return error.what();
    }
    return "no error";
}

} // namespace

TEST(Packer, LaysOutKernelThenDeviceTreeThenRootTask) {
    const auto payload = plan_payload(riscv_inputs());
    const auto& h = payload.header;
    EXPECT_EQ(h.magic, payload_magic);
    EXPECT_EQ(h.kernel_entry, 0xffffffff80200000u);
    EXPECT_EQ(h.kernel_physical_start, 0x80200000u);
    EXPECT_EQ(h.dtb_physical_address, 0x80221000u);
    EXPECT_EQ(h.dtb_size, 64u);
    EXPECT_EQ(h.user_physical_start, 0x80222000u);
    EXPECT_EQ(h.user_physical_end, 0x80225000u); // 0x400000 .. 0x402800, page-rounded
    EXPECT_EQ(h.user_physical_virtual_offset, 0x80222000 - 0x400000);
    EXPECT_EQ(h.user_entry, 0x400000u);
    EXPECT_EQ(payload.physical_address, 0xa0003000u);
    ASSERT_EQ(payload.regions.size(), 4u); // kernel, dtb, two root task segments
    EXPECT_EQ(payload.regions[3].physical_address, 0x80224000u);
    EXPECT_EQ(payload.regions[3].mem_size, 0x800u);
    // The data of each region is where its offset says.
    const auto& r = payload.regions[2];
    EXPECT_EQ(payload.bytes[r.payload_offset], std::byte{5});
    EXPECT_EQ(h.payload_size, payload.bytes.size());
}

TEST(Packer, ImageIsTheLoaderPlusAPayloadSegment) {
    auto inputs = riscv_inputs();
    const auto payload = plan_payload(inputs);
    const auto image = build_image(inputs.loader, payload);
    sel4::elf::Reader reader(std::span<const std::byte>(image.data(), image.size()),
                             Machine::riscv);
    ASSERT_TRUE(reader.ok()) << sel4::elf::describe(reader.error());
    ASSERT_EQ(reader.segment_count(), 2u);
    EXPECT_EQ(reader.entry(), 0xa0000000u);
    const auto last = reader.segment(1);
    EXPECT_EQ(last.paddr, payload.physical_address);
    EXPECT_EQ(last.filesz, payload.bytes.size());
    EXPECT_EQ(std::memcmp(reader.segment_data(last).data(), payload.bytes.data(), last.filesz), 0);
}

TEST(Packer, RefusesBadInputsWithAMessageNamingThem) {
    auto inputs = riscv_inputs();
    inputs.kernel = test::bytes({1, 2, 3});
    EXPECT_EQ(pack_error(inputs), "kernel: file is smaller than an ELF header");

    inputs = riscv_inputs();
    inputs.root_task = test::make_elf(Machine::aarch64, 0, {{0, 0, test::bytes({1}), 0}});
    EXPECT_EQ(pack_error(inputs), "root task: ELF file is for another architecture");

    inputs = riscv_inputs();
    inputs.dtb.reset();
    EXPECT_NE(pack_error(inputs).find("device tree: seL4 on ARM and RISC-V needs one"),
              std::string::npos);

    inputs = riscv_inputs();
    inputs.dtb = test::bytes({1, 2, 3, 4});
    EXPECT_EQ(pack_error(inputs), "device tree: not a flattened device tree (bad magic)");
}

TEST(Packer, RefusesOverlapsAndWhatDoesNotFitMemory) {
    auto inputs = riscv_inputs();
    inputs.loader = test::make_elf(Machine::riscv, 0x80220000,
                                   {{0x80220000, 0x80220000, test::bytes({1}), 0x1000}});
    EXPECT_NE(pack_error(inputs).find("overlaps"), std::string::npos);

    inputs = riscv_inputs();
    inputs.memory = {{0x80200000, 0x90000000}}; // the loader at 0xa0000000 is outside
    EXPECT_NE(pack_error(inputs).find("does not fit the platform's memory"), std::string::npos);
}

TEST(Packer, WritesAtomicallyAndLeavesNothingOnFailure) {
    const auto dir = std::filesystem::temp_directory_path() / "sel4-packer-test";
    std::filesystem::create_directories(dir);
    const auto path = (dir / "image.elf").string();
    write_file_atomically(path, test::bytes({1, 2, 3}));
    EXPECT_EQ(std::filesystem::file_size(path), 3u);
    EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
    EXPECT_THROW(write_file_atomically((dir / "missing" / "image.elf").string(), test::bytes({1})),
                 PackError);
    EXPECT_FALSE(std::filesystem::exists(dir / "missing"));
    EXPECT_THROW(read_file("kernel", (dir / "nope.elf").string()), PackError);
    std::filesystem::remove_all(dir);
}

namespace {
PackInputs aarch32_inputs() {
    PackInputs inputs;
    inputs.machine = Machine::arm;
    inputs.loader = test::make_elf32(Machine::arm, 0x60000000,
                                     {{0x60000000, 0x60000000, test::bytes({1, 2}), 0x5000}});
    inputs.kernel = test::make_elf32(Machine::arm, 0xa0000000,
                                     {{0xa0000000, 0x40000000, test::bytes({3, 4}), 0x3c000}});
    inputs.root_task = test::make_elf32(Machine::arm, 0x10000,
                                        {{0x10000, 0x10000, test::bytes({5, 6, 7}), 0x1000}});
    inputs.dtb = dtb();
    inputs.memory = {{0x40000000, 0x80000000}};
    return inputs;
}
} // namespace

TEST(Packer, Aarch32ImageIsElf32WithThePayload) {
    auto inputs = aarch32_inputs();
    const auto payload = plan_payload(inputs);
    EXPECT_EQ(payload.header.kernel_virtual_start, 0xa0000000u);
    EXPECT_EQ(payload.header.dtb_physical_address, 0x4003c000u);
    EXPECT_EQ(payload.header.user_physical_start, 0x4003d000u);
    EXPECT_EQ(payload.header.user_physical_virtual_offset, 0x4003d000 - 0x10000);
    const auto image = build_image(inputs.loader, payload);
    ASSERT_GE(image.size(), sizeof(sel4::elf::FileHeader32));
    EXPECT_EQ(image[4], std::byte{sel4::elf::class_32});
    sel4::elf::Reader reader(std::span<const std::byte>(image.data(), image.size()), Machine::arm);
    ASSERT_TRUE(reader.ok()) << sel4::elf::describe(reader.error());
    EXPECT_FALSE(reader.is_64_bit());
    ASSERT_EQ(reader.segment_count(), 2u);
    EXPECT_EQ(reader.entry(), 0x60000000u);
    const auto last = reader.segment(1);
    EXPECT_EQ(last.paddr, payload.physical_address);
    EXPECT_EQ(std::memcmp(reader.segment_data(last).data(), payload.bytes.data(), last.filesz), 0);
}

TEST(Packer, RefusesMixing32And64BitFiles) {
    auto inputs = aarch32_inputs();
    inputs.root_task =
        test::make_elf(Machine::arm, 0x10000, {{0x10000, 0x10000, test::bytes({5}), 0x1000}});
    EXPECT_NE(pack_error(inputs).find("must be built for the same architecture"), std::string::npos)
        << pack_error(inputs);
}
