#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include <sel4/rings/net.hpp>

using namespace sel4::rings;
using namespace sel4::rings::net;

namespace {

struct Memory {
    alignas(8) std::byte bytes[queue_bytes(8)]{};
    Queue queue() { return Queue::at(bytes, sizeof bytes, 8).value(); }
    template <class T>
    void poke(std::size_t offset, T value) {
        std::memcpy(bytes + offset, &value, sizeof value);
    }
    template <class T>
    T peek(std::size_t offset) const {
        T value;
        std::memcpy(&value, bytes + offset, sizeof value);
        return value;
    }
};

constexpr BufferBounds bounds{0, 8 * buffer_size};

TEST(NetQueue, LayoutIsSddfs) {
    Memory m;
    auto producer = QueueProducer::attach(m.queue()).value();
    ASSERT_TRUE(producer.push({3 * buffer_size, 1500}));
    // sDDF: u16 tail at 0, u16 head at 2, slots of {u64, u16} from byte 8.
    EXPECT_EQ(m.peek<std::uint16_t>(0), 1);
    EXPECT_EQ(m.peek<std::uint16_t>(2), 0);
    EXPECT_EQ(m.peek<std::uint64_t>(8), 3 * buffer_size);
    EXPECT_EQ(m.peek<std::uint16_t>(16), 1500);
}

TEST(NetQueue, ReadsWhatAnSddfProducerWrote) {
    Memory m;
    auto consumer = QueueConsumer::attach(m.queue(), bounds).value();
    m.poke<std::uint64_t>(8 + 16 * 0, 2048);
    m.poke<std::uint16_t>(16 + 16 * 0, 60);
    m.poke<std::uint16_t>(0, 1); // tail
    auto buffer = consumer.pop();
    ASSERT_TRUE(buffer);
    EXPECT_EQ(buffer->io_or_offset, 2048u);
    EXPECT_EQ(buffer->len, 60);
    EXPECT_EQ(m.peek<std::uint16_t>(2), 1); // head moved
    EXPECT_EQ(consumer.pop().error(), RingError::empty);
}

TEST(NetQueue, RejectsBadCapacityAndRegion) {
    alignas(8) std::byte bytes[queue_bytes(8)];
    EXPECT_EQ(Queue::at(bytes, sizeof bytes, 6).error(), RingError::bad_layout);
    EXPECT_EQ(Queue::at(bytes, sizeof bytes, 16).error(), RingError::bad_layout);
    EXPECT_EQ(Queue::at(bytes, sizeof bytes, 0).error(), RingError::bad_layout);
    EXPECT_EQ(Queue::at(bytes + 1, sizeof bytes - 1, 4).error(), RingError::bad_layout);
    EXPECT_TRUE(Queue::at(bytes, sizeof bytes, 8));
}

TEST(NetQueue, FillsEverySlotThenRefuses) {
    Memory m;
    auto producer = QueueProducer::attach(m.queue()).value();
    auto consumer = QueueConsumer::attach(m.queue(), bounds).value();
    for (std::uint64_t i = 0; i < 8; ++i)
        ASSERT_TRUE(producer.push({i * buffer_size, 0}));
    EXPECT_EQ(producer.push({0, 0}).error(), RingError::full);
    EXPECT_EQ(*consumer.size(), 8u);
    for (std::uint64_t i = 0; i < 8; ++i)
        EXPECT_EQ(consumer.pop()->io_or_offset, i * buffer_size);
}

TEST(NetQueue, IndicesWrapAround) {
    Memory m;
    m.poke<std::uint16_t>(0, 65530);
    m.poke<std::uint16_t>(2, 65530);
    auto producer = QueueProducer::attach(m.queue()).value();
    auto consumer = QueueConsumer::attach(m.queue(), bounds).value();
    for (int round = 0; round < 20; ++round) {
        ASSERT_TRUE(producer.push({buffer_size, static_cast<std::uint16_t>(round)}));
        ASSERT_TRUE(producer.push({0, 1}));
        EXPECT_EQ(consumer.pop()->len, round);
        EXPECT_EQ(consumer.pop()->len, 1);
    }
    EXPECT_EQ(m.peek<std::uint16_t>(0), static_cast<std::uint16_t>(65530 + 40));
}

TEST(NetQueue, ConsumerRefusesATailTooFarAhead) {
    Memory m;
    auto consumer = QueueConsumer::attach(m.queue(), bounds).value();
    m.poke<std::uint16_t>(0, 9); // nine filled in a queue of eight
    EXPECT_EQ(consumer.pop().error(), RingError::peer_index);
    m.poke<std::uint16_t>(0, 0xffff); // "behind" the head
    EXPECT_EQ(consumer.pop().error(), RingError::peer_index);
}

TEST(NetQueue, ConsumerRefusesATailThatWentBack) {
    Memory m;
    auto consumer = QueueConsumer::attach(m.queue(), bounds).value();
    m.poke<std::uint16_t>(0, 4);
    EXPECT_EQ(*consumer.size(), 4u);
    m.poke<std::uint16_t>(0, 2);
    EXPECT_EQ(consumer.size().error(), RingError::peer_index);
}

TEST(NetQueue, ProducerRefusesAHeadPastItsTail) {
    Memory m;
    auto producer = QueueProducer::attach(m.queue()).value();
    ASSERT_TRUE(producer.push({0, 0}));
    m.poke<std::uint16_t>(2, 2); // consumed two of one
    EXPECT_EQ(producer.push({0, 0}).error(), RingError::peer_index);
}

TEST(NetQueue, ProducerIgnoresAScribbledTail) {
    Memory m;
    auto producer = QueueProducer::attach(m.queue()).value();
    ASSERT_TRUE(producer.push({0, 0}));
    m.poke<std::uint16_t>(0, 1234); // the peer overwrote our tail
    ASSERT_TRUE(producer.push({buffer_size, 0}));
    EXPECT_EQ(m.peek<std::uint16_t>(0), 2);
    EXPECT_EQ(m.peek<std::uint64_t>(8 + 16), buffer_size);
}

TEST(NetQueue, BuffersOutsideTheRegionAreErrors) {
    Memory m;
    auto producer = QueueProducer::attach(m.queue()).value();
    auto consumer = QueueConsumer::attach(m.queue(), bounds).value();
    ASSERT_TRUE(producer.push({8 * buffer_size, 10}));  // one past the end
    ASSERT_TRUE(producer.push({100, 10}));              // not on a buffer boundary
    ASSERT_TRUE(producer.push({buffer_size, 2049}));    // longer than a buffer
    ASSERT_TRUE(producer.push({~std::uint64_t{0}, 0})); // wraps
    ASSERT_TRUE(producer.push({7 * buffer_size, 2048}));
    EXPECT_EQ(consumer.pop().error(), RingError::bad_offset);
    EXPECT_EQ(consumer.pop().error(), RingError::bad_offset);
    EXPECT_EQ(consumer.pop().error(), RingError::bad_length);
    EXPECT_EQ(consumer.pop().error(), RingError::bad_offset);
    EXPECT_TRUE(consumer.pop());
}

TEST(NetQueue, BoundsWithADeviceBase) {
    constexpr BufferBounds device{0x4000'0000, 4 * buffer_size};
    EXPECT_TRUE(device.check({0x4000'0000 + buffer_size, 0}));
    EXPECT_EQ(device.check({0x3fff'f800, 0}).error(), RingError::bad_offset);
    EXPECT_EQ(device.check({0x4000'0000 + 4 * buffer_size, 0}).error(), RingError::bad_offset);
    EXPECT_EQ(device.buffer_count(), 4u);
}

TEST(NetQueue, SignalOnlyWhenAsked) {
    Memory m;
    auto producer = QueueProducer::attach(m.queue()).value();
    auto consumer = QueueConsumer::attach(m.queue(), bounds).value();
    consumer.cancel_signal();
    ASSERT_TRUE(producer.push({0, 0}));
    EXPECT_FALSE(producer.take_signal_request());
    consumer.request_signal();
    EXPECT_EQ(m.peek<std::uint32_t>(4), 0u);
    ASSERT_TRUE(producer.push({0, 0}));
    EXPECT_TRUE(producer.take_signal_request());
    EXPECT_EQ(m.peek<std::uint32_t>(4), 1u);
    EXPECT_FALSE(producer.take_signal_request()); // one notification per request
}

TEST(NetQueue, ResultErrorsHaveWords) {
    EXPECT_EQ(describe(RingError::peer_index), "peer wrote an impossible queue index");
}

} // namespace
