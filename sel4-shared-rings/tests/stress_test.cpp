// Two threads, one on each side of a network queue pair (buffers go out on the active queue and
// come back on the free queue), and a block client against a block server: every value arrives,
// in order, with no error, under real concurrency.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include <sel4/rings/blk.hpp>
#include <sel4/rings/net.hpp>

using namespace sel4::rings;

TEST(Stress, NetPairTwoThreads) {
    constexpr std::uint32_t capacity = 64;
    constexpr std::uint32_t rounds = 100'000;
    alignas(8) static std::byte free_memory[net::queue_bytes(capacity)];
    alignas(8) static std::byte active_memory[net::queue_bytes(capacity)];
    auto free_queue = net::Queue::at(free_memory, sizeof free_memory, capacity).value();
    auto active_queue = net::Queue::at(active_memory, sizeof active_memory, capacity).value();
    free_queue.reset();
    active_queue.reset();
    const net::BufferBounds bounds{0, capacity * net::buffer_size};
    {
        auto fill = net::QueueProducer::attach(free_queue).value();
        for (std::uint32_t i = 0; i < capacity; ++i)
            ASSERT_TRUE(fill.push({i * net::buffer_size, 0}));
    }
    std::atomic<bool> failed{false};
    std::thread producer([&] {
        auto take = net::QueueConsumer::attach(free_queue, bounds).value();
        auto give = net::QueueProducer::attach(active_queue).value();
        for (std::uint32_t sent = 0; sent < rounds && !failed;) {
            auto buffer = take.pop();
            if (!buffer) {
                if (buffer.error() != RingError::empty) failed = true;
                continue;
            }
            auto b = *buffer;
            b.len = static_cast<std::uint16_t>(sent % 2049);
            if (!give.push(b)) failed = true;
            ++sent;
        }
    });
    std::uint32_t received = 0;
    {
        auto take = net::QueueConsumer::attach(active_queue, bounds).value();
        auto give = net::QueueProducer::attach(free_queue).value();
        while (received < rounds && !failed) {
            auto buffer = take.pop();
            if (!buffer) {
                if (buffer.error() != RingError::empty) failed = true;
                continue;
            }
            if (buffer->len != received % 2049) failed = true;
            if (!give.push({buffer->io_or_offset, 0})) failed = true;
            ++received;
        }
    }
    producer.join();
    EXPECT_FALSE(failed);
    EXPECT_EQ(received, rounds);
}

TEST(Stress, BlkClientServerTwoThreads) {
    constexpr std::uint32_t capacity = 16;
    constexpr std::uint32_t rounds = 50'000;
    alignas(8) static std::byte requests[blk::request_queue_bytes(capacity)];
    alignas(8) static std::byte responses[blk::response_queue_bytes(capacity)];
    auto request_queue = blk::RequestQueue::at(requests, sizeof requests, capacity).value();
    auto response_queue = blk::ResponseQueue::at(responses, sizeof responses, capacity).value();
    std::atomic<bool> failed{false};
    std::thread server([&] {
        auto s = blk::Server::attach(request_queue, response_queue,
                                     {capacity * blk::transfer_size, rounds + 1, false})
                     .value();
        for (std::uint32_t served = 0; served < rounds && !failed;) {
            auto request = s.pop();
            if (!request) {
                if (request.error() != RingError::empty) failed = true;
                continue;
            }
            if (!request->ok() || request->request.block_number != served) failed = true;
            while (!s.push({blk::Status::ok, request->request.count, request->request.id}))
                if (failed) return;
            ++served;
        }
    });
    auto client = blk::Client::attach(request_queue, response_queue).value();
    blk::IdTable<capacity> ids;
    std::uint32_t sent = 0, answered = 0;
    while (answered < rounds && !failed) {
        if (sent < rounds) {
            if (auto id = ids.allocate()) {
                if (!client.push(
                        {blk::RequestCode::read, (*id) * blk::transfer_size, sent, 1, *id}))
                    failed = true;
                ++sent;
            }
        }
        auto response = client.pop();
        if (!response) {
            if (response.error() != RingError::empty) failed = true;
            continue;
        }
        if (!ids.release(response->id)) failed = true;
        ++answered;
    }
    server.join();
    EXPECT_FALSE(failed);
    EXPECT_EQ(answered, rounds);
}
