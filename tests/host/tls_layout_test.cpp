#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include <sel4/runtime/tls_layout.hpp>

using namespace sel4::runtime;

namespace {
const unsigned char init_data[] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
}

TEST(TlsLayout, Aarch64PutsTheBlockAfterA16ByteTcb) {
    const TlsImage image{init_data, 9, 40, 8};
    const auto layout = compute_tls_layout(image, TlsVariant::AboveThreadPointer, 16);
    EXPECT_EQ(layout.thread_pointer_offset, 0u);
    EXPECT_EQ(layout.block_offset, 16u);
    EXPECT_EQ(layout.region_size, 56u);
    EXPECT_EQ(layout.region_align, 16u);
}

TEST(TlsLayout, Aarch64AlignsTheBlockToLargeSegmentAlignment) {
    const TlsImage image{init_data, 9, 100, 64};
    const auto layout = compute_tls_layout(image, TlsVariant::AboveThreadPointer, 16);
    EXPECT_EQ(layout.block_offset, 64u);
    EXPECT_EQ(layout.region_align, 64u);
    EXPECT_EQ(layout.region_size, 164u);
}

TEST(TlsLayout, RiscvPutsTheBlockAtTheThreadPointer) {
    const TlsImage image{init_data, 9, 24, 8};
    const auto layout = compute_tls_layout(image, TlsVariant::AboveThreadPointer, 0);
    EXPECT_EQ(layout.thread_pointer_offset, 0u);
    EXPECT_EQ(layout.block_offset, 0u);
    EXPECT_EQ(layout.region_size, 24u);
}

TEST(TlsLayout, X86_64PutsTheBlockBelowTheThreadPointer) {
    const TlsImage image{init_data, 9, 20, 16};
    const auto layout = compute_tls_layout(image, TlsVariant::BelowThreadPointer);
    EXPECT_EQ(layout.block_offset, 0u);
    EXPECT_EQ(layout.thread_pointer_offset, 32u); // memsz rounded up to the alignment
    EXPECT_EQ(layout.region_size, 40u);           // plus the self pointer
    EXPECT_EQ(layout.region_align, 16u);
}

TEST(TlsLayout, X86_64BlockEndsAtTheThreadPointerWhenLessAlignedThanIt) {
    const TlsImage image{init_data, 1, 1, 1};
    const auto layout = compute_tls_layout(image, TlsVariant::BelowThreadPointer);
    EXPECT_EQ(layout.thread_pointer_offset, 8u); // the self pointer is 8-byte aligned
    EXPECT_EQ(layout.block_offset, 7u);          // the linker's tp - round_up(1, 1)
}

TEST(TlsLayout, EmptyImageStillGivesAUsableThreadPointer) {
    const auto layout = compute_tls_layout(TlsImage{}, TlsVariant::BelowThreadPointer);
    EXPECT_EQ(layout.thread_pointer_offset, 0u);
    EXPECT_EQ(layout.region_size, sizeof(void*));
}

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
