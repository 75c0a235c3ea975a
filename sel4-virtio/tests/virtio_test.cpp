#include <gtest/gtest.h>

#include <array>
#include <cstring>

#include "simulated_device.hpp"

using namespace sel4::virtio;

namespace {

struct Dma {
    alignas(4096) std::byte bytes[64 * 1024]{};
    DmaRegion region(std::size_t offset, std::size_t size) {
        return {bytes + offset, reinterpret_cast<std::uintptr_t>(bytes + offset), size};
    }
    std::uint64_t paddr(std::size_t offset) {
        return reinterpret_cast<std::uintptr_t>(bytes + offset);
    }
};

using SimTransport = Transport<sim::Registers>;

TEST(VirtioMmio, ProbeTellsWhatIsThere) {
    sim::Device blk(DeviceId::block, bit(feature::version_1));
    SimTransport t{{&blk}};
    EXPECT_TRUE(t.probe(DeviceId::block));
    EXPECT_EQ(t.probe(DeviceId::net).error(), VirtioError::wrong_device);
    blk.version = 1;
    EXPECT_EQ(t.probe(DeviceId::block).error(), VirtioError::bad_version);
    sim::Device empty(DeviceId::none, 0);
    EXPECT_EQ(SimTransport{{&empty}}.probe(DeviceId::block).error(), VirtioError::no_device);
}

TEST(VirtioMmio, NegotiatesOfferedFeaturesOnly) {
    sim::Device net(DeviceId::net, bit(feature::version_1) | bit(net::feature_mac));
    SimTransport t{{&net}};
    auto agreed = t.negotiate(bit(net::feature_mac) | bit(net::feature_status), 0);
    ASSERT_TRUE(agreed);
    EXPECT_EQ(*agreed, bit(feature::version_1) | bit(net::feature_mac));
    EXPECT_EQ(net.driver_features(), *agreed);
}

TEST(VirtioMmio, NegotiationFailsWithoutVersion1OrWhenRefused) {
    sim::Device legacyish(DeviceId::net, bit(net::feature_mac));
    SimTransport t{{&legacyish}};
    EXPECT_EQ(t.negotiate(0, 0).error(), VirtioError::features_rejected);
    EXPECT_TRUE(legacyish.read32(reg::status) & status::failed);
    sim::Device refusing(DeviceId::net, bit(feature::version_1));
    refusing.refuse_features = true;
    EXPECT_EQ(SimTransport{{&refusing}}.negotiate(0, 0).error(), VirtioError::features_rejected);
}

TEST(VirtioMmio, QueueTooLargeForTheDevice) {
    sim::Device rng(DeviceId::entropy, bit(feature::version_1));
    rng.queue_num_max = 8;
    SimTransport t{{&rng}};
    ASSERT_TRUE(t.negotiate(0, 0));
    Dma dma;
    auto queue = SplitQueue::create(dma.region(0, 8192), 16).value();
    EXPECT_EQ(t.setup_queue(0, queue).error(), VirtioError::queue_too_small);
    EXPECT_EQ(t.setup_queue(1, queue).error(), VirtioError::queue_unavailable);
}

TEST(Virtqueue, LayoutOffsets) {
    EXPECT_EQ(SplitQueue::avail_offset(16), 256u);
    EXPECT_EQ(SplitQueue::used_offset(16), 256u + 40u);
    EXPECT_EQ(SplitQueue::bytes(16), 256u + 40u + 6u + 128u);
    Dma dma;
    EXPECT_EQ(SplitQueue::create(dma.region(0, 100), 16).error(), VirtioError::bad_layout);
    EXPECT_EQ(SplitQueue::create(dma.region(0, 8192), 12).error(), VirtioError::bad_layout);
    EXPECT_EQ(SplitQueue::create(dma.region(8, 8192), 16).error(), VirtioError::bad_layout);
}

TEST(Virtqueue, BlockReadAndWriteThroughTheSimulatedDevice) {
    sim::Device blk(DeviceId::block, bit(feature::version_1) | bit(blk::feature_flush));
    blk.disk.resize(64 * 1024);
    for (std::size_t i = 0; i < blk.disk.size(); ++i)
        blk.disk[i] = static_cast<std::uint8_t>(i / 512);
    blk.config_space[0] = 128; // capacity in sectors, low word
    SimTransport t{{&blk}};
    ASSERT_TRUE(t.probe(DeviceId::block));
    ASSERT_TRUE(t.negotiate(bit(blk::feature_read_only), 0));
    EXPECT_EQ(t.config64(blk::config_capacity), 128u);
    Dma dma;
    auto queue = SplitQueue::create(dma.region(0, 8192), 16).value();
    ASSERT_TRUE(t.setup_queue(blk::request_queue, queue));
    t.driver_ok();

    auto* header = reinterpret_cast<blk::Header*>(dma.bytes + 8192);
    auto* status_byte = reinterpret_cast<std::uint8_t*>(dma.bytes + 8192 + 16);
    std::byte* data = dma.bytes + 16384;
    *header = {blk::Type::in, 0, 8};
    const std::array<Segment, 3> read{Segment{dma.paddr(8192), 16, false},
                                      Segment{dma.paddr(16384), 1024, true},
                                      Segment{dma.paddr(8192 + 16), 1, true}};
    auto head = queue.add(read, 42);
    ASSERT_TRUE(head);
    EXPECT_EQ(queue.free_descriptors(), 13u);
    t.notify(blk::request_queue);
    EXPECT_EQ(t.take_interrupts(), interrupt_used_buffer);
    auto used = queue.pop_used();
    ASSERT_TRUE(used);
    EXPECT_EQ(used->cookie, 42u);
    EXPECT_EQ(used->len, 1025u);
    EXPECT_EQ(*status_byte, blk::status_ok);
    EXPECT_EQ(static_cast<unsigned>(data[0]), 8u);
    EXPECT_EQ(static_cast<unsigned>(data[600]), 9u);
    EXPECT_EQ(queue.free_descriptors(), 16u);
    EXPECT_EQ(queue.pop_used().error(), VirtioError::empty);

    std::memset(data, 0xab, 512);
    *header = {blk::Type::out, 0, 2};
    const std::array<Segment, 3> write{Segment{dma.paddr(8192), 16, false},
                                       Segment{dma.paddr(16384), 512, false},
                                       Segment{dma.paddr(8192 + 16), 1, true}};
    ASSERT_TRUE(queue.add(write, 43));
    t.notify(0);
    ASSERT_TRUE(queue.pop_used());
    EXPECT_EQ(blk.disk[2 * 512 + 100], 0xab);
}

TEST(Virtqueue, ManyChainsRecycleDescriptors) {
    sim::Device rng(DeviceId::entropy, bit(feature::version_1));
    SimTransport t{{&rng}};
    ASSERT_TRUE(t.negotiate(0, 0));
    Dma dma;
    auto queue = SplitQueue::create(dma.region(0, 4096), 8).value();
    ASSERT_TRUE(t.setup_queue(0, queue));
    t.driver_ok();
    std::uint8_t previous[32] = {};
    for (int round = 0; round < 100; ++round) {
        const std::array<Segment, 2> two{Segment{dma.paddr(8192), 16, true},
                                         Segment{dma.paddr(8192 + 16), 16, true}};
        ASSERT_TRUE(queue.add(two, round));
        const std::array<Segment, 1> one{Segment{dma.paddr(12288), 8, true}};
        ASSERT_TRUE(queue.add(one, 1000 + round));
        t.notify(0);
        auto a = queue.pop_used();
        auto b = queue.pop_used();
        ASSERT_TRUE(a && b);
        EXPECT_EQ(a->cookie, static_cast<std::uint64_t>(round));
        EXPECT_EQ(a->len, 32u);
        EXPECT_EQ(b->cookie, static_cast<std::uint64_t>(1000 + round));
        EXPECT_NE(std::memcmp(previous, dma.bytes + 8192, 32), 0);
        std::memcpy(previous, dma.bytes + 8192, 32);
        EXPECT_EQ(queue.free_descriptors(), 8u);
    }
}

TEST(Virtqueue, QueueFullIsAnError) {
    Dma dma;
    auto queue = SplitQueue::create(dma.region(0, 4096), 4).value();
    const std::array<Segment, 3> three{Segment{0x1000, 1, true}, Segment{0x2000, 1, true},
                                       Segment{0x3000, 1, true}};
    ASSERT_TRUE(queue.add(three, 0));
    EXPECT_EQ(queue.add(three, 1).error(), VirtioError::queue_full);
    EXPECT_EQ(queue.add(std::span<const Segment>{}, 1).error(), VirtioError::queue_full);
}

// The device side lies: these are what the hostile-device fuzzer does at random.
TEST(Virtqueue, LiesFromTheDeviceAreErrors) {
    Dma dma;
    auto queue = SplitQueue::create(dma.region(0, 4096), 4).value();
    const std::array<Segment, 1> one{Segment{0x1000, 100, true}};
    const auto head = queue.add(one, 7).value();
    auto* used_idx = reinterpret_cast<std::uint16_t*>(dma.bytes + SplitQueue::used_offset(4) + 2);
    auto* ring = reinterpret_cast<UsedElement*>(dma.bytes + SplitQueue::used_offset(4) + 4);
    *used_idx = 5; // more than the queue holds
    EXPECT_EQ(queue.pop_used().error(), VirtioError::bad_used_index);
    ring[0] = {3, 10}; // a descriptor not in flight
    *used_idx = 1;
    EXPECT_EQ(queue.pop_used().error(), VirtioError::bad_used_id);
    ring[1] = {head, 101}; // longer than the buffer
    *used_idx = 2;
    EXPECT_EQ(queue.pop_used().error(), VirtioError::bad_used_length);
    ring[2] = {head, 1}; // returned twice
    *used_idx = 3;
    EXPECT_EQ(queue.pop_used().error(), VirtioError::bad_used_id);
    EXPECT_EQ(queue.free_descriptors(), 4u);
}

} // namespace

namespace {
TEST(Virtqueue, NotificationSuppressedWhileTheDeviceSaysSo) {
    alignas(16) static std::byte memory[SplitQueue::bytes(4)];
    auto queue = SplitQueue::create({memory, 0x1000, sizeof memory}, 4).value();
    EXPECT_TRUE(queue.device_wants_notification());
    auto* flags = reinterpret_cast<std::uint16_t*>(memory + SplitQueue::used_offset(4));
    *flags = used_no_notify;
    EXPECT_FALSE(queue.device_wants_notification());
}
} // namespace
