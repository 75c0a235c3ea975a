#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include <sel4/runtime/tls_layout.hpp>

using namespace sel4::runtime;

namespace {
const unsigned char init_data[] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
}

// One image laid out for one variant, and the layout the architecture's ABI wants.
struct LayoutCase {
    const char* name;
    TlsImage image;
    TlsVariant variant;
    std::size_t tcb_size;
    TlsLayout expected;
};

class TlsLayoutTest : public testing::TestWithParam<LayoutCase> {};

TEST_P(TlsLayoutTest, MatchesTheAbi) {
    const LayoutCase& c = GetParam();
    const auto layout = compute_tls_layout(c.image, c.variant, c.tcb_size);
    EXPECT_EQ(layout.thread_pointer_offset, c.expected.thread_pointer_offset);
    EXPECT_EQ(layout.block_offset, c.expected.block_offset);
    EXPECT_EQ(layout.region_size, c.expected.region_size);
    EXPECT_EQ(layout.region_align, c.expected.region_align);
}

INSTANTIATE_TEST_SUITE_P(
    TlsLayout, TlsLayoutTest,
    testing::Values(
        LayoutCase{"Aarch64PutsTheBlockAfterA16ByteTcb",
                   {init_data, 9, 40, 8},
                   TlsVariant::AboveThreadPointer,
                   16,
                   {.region_size = 56, .region_align = 16, .block_offset = 16}},
        LayoutCase{"Aarch64AlignsTheBlockToLargeSegmentAlignment",
                   {init_data, 9, 100, 64},
                   TlsVariant::AboveThreadPointer,
                   16,
                   {.region_size = 164, .region_align = 64, .block_offset = 64}},
        LayoutCase{"RiscvPutsTheBlockAtTheThreadPointer",
                   {init_data, 9, 24, 8},
                   TlsVariant::AboveThreadPointer,
                   0,
                   {.region_size = 24, .region_align = 16, .block_offset = 0}},
        // The thread pointer: memsz rounded up to the alignment; the region adds the self pointer.
        LayoutCase{"X86_64PutsTheBlockBelowTheThreadPointer",
                   {init_data, 9, 20, 16},
                   TlsVariant::BelowThreadPointer,
                   0,
                   {.region_size = 40, .region_align = 16, .thread_pointer_offset = 32}},
        // A block less aligned than the self pointer ends at the thread pointer, where the
        // linker addresses it (tp - round_up(memsz, align)).
        LayoutCase{
            "X86_64BlockEndsAtTheThreadPointerWhenLessAlignedThanIt",
            {init_data, 1, 1, 1},
            TlsVariant::BelowThreadPointer,
            0,
            {.region_size = 16, .region_align = 8, .block_offset = 7, .thread_pointer_offset = 8}},
        LayoutCase{"EmptyImageStillGivesAUsableThreadPointer",
                   {},
                   TlsVariant::BelowThreadPointer,
                   0,
                   {.region_size = sizeof(void*), .region_align = alignof(void*)}}),
    [](const testing::TestParamInfo<LayoutCase>& info) { return std::string(info.param.name); });

TEST(TlsInitialize, CopiesDataZeroesBssAndReturnsThreadPointer) {
    const TlsImage image{init_data, 9, 32, 8};
    const auto layout = compute_tls_layout(image, TlsVariant::AboveThreadPointer, 16);
    alignas(16) unsigned char region[64];
    std::memset(region, 0xaa, sizeof region);
    const auto tp = initialize_tls_region(region, image, layout, TlsVariant::AboveThreadPointer);
    EXPECT_EQ(tp, reinterpret_cast<std::uintptr_t>(region));
    EXPECT_EQ(std::memcmp(region + 16, init_data, 9), 0);
    for (int i = 16 + 9; i < 16 + 32; ++i)
        EXPECT_EQ(region[i], 0) << i;
    EXPECT_EQ(region[48], 0xaa); // nothing written past the block
}

TEST(TlsInitialize, VariantTwoWritesTheSelfPointer) {
    const TlsImage image{init_data, 9, 16, 8};
    const auto layout = compute_tls_layout(image, TlsVariant::BelowThreadPointer);
    alignas(16) unsigned char region[32] = {};
    const auto tp = initialize_tls_region(region, image, layout, TlsVariant::BelowThreadPointer);
    EXPECT_EQ(tp, reinterpret_cast<std::uintptr_t>(region) + 16);
    std::uintptr_t self;
    std::memcpy(&self, region + 16, sizeof self);
    EXPECT_EQ(self, tp);
    // The linker addresses the block at tp - round_up(memsz, align).
    EXPECT_EQ(std::memcmp(reinterpret_cast<unsigned char*>(tp) - 16, init_data, 9), 0);
}
