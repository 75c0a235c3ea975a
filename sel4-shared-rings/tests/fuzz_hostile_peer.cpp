// libFuzzer plays a hostile peer: between our operations on the queues it overwrites any byte
// of the shared memory (indices, flags, slots). Whatever it does, our side must never touch
// memory outside the queues, never hand out a buffer or request outside its bounds, and never
// believe a queue holds more than its capacity.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <sel4/rings/blk.hpp>
#include <sel4/rings/net.hpp>

using namespace sel4::rings;

namespace {

constexpr std::uint32_t capacity = 8;

struct Input {
    const std::uint8_t* data;
    std::size_t size;
    std::uint8_t byte() {
        if (size == 0) return 0;
        --size;
        return *data++;
    }
    std::uint64_t word() {
        std::uint64_t w = 0;
        for (int i = 0; i < 8; ++i)
            w = (w << 8) | byte();
        return w;
    }
};

void check(bool condition) {
    if (!condition) std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Input in{data, size};
    alignas(8) static std::byte net_memory[net::queue_bytes(capacity)];
    alignas(8) static std::byte requests[blk::request_queue_bytes(capacity)];
    alignas(8) static std::byte responses[blk::response_queue_bytes(capacity)];
    std::memset(net_memory, 0, sizeof net_memory);
    std::memset(requests, 0, sizeof requests);
    std::memset(responses, 0, sizeof responses);

    const net::BufferBounds net_bounds{0x1000'0000, 16 * net::buffer_size};
    const blk::RequestBounds blk_bounds{8 * blk::transfer_size, 64, (in.byte() & 1) != 0};
    auto queue = net::Queue::at(net_memory, sizeof net_memory, capacity).value();
    auto producer = net::QueueProducer::attach(queue).value();
    auto consumer = net::QueueConsumer::attach(queue, net_bounds).value();
    auto request_queue = blk::RequestQueue::at(requests, sizeof requests, capacity).value();
    auto response_queue = blk::ResponseQueue::at(responses, sizeof responses, capacity).value();
    auto client = blk::Client::attach(request_queue, response_queue).value();
    auto server = blk::Server::attach(request_queue, response_queue, blk_bounds).value();

    while (in.size > 0) {
        switch (in.byte() % 8) {
        case 0: { // the peer scribbles on the network queue
            const std::size_t at = in.byte() % sizeof net_memory;
            net_memory[at] = std::byte{in.byte()};
            break;
        }
        case 1: { // ... or on the block queues
            const std::size_t at = in.byte() % sizeof requests;
            requests[at] = std::byte{in.byte()};
            const std::size_t at2 = in.byte() % sizeof responses;
            responses[at2] = std::byte{in.byte()};
            break;
        }
        case 2: {
            auto space = producer.space();
            if (space) check(*space <= capacity);
            (void)producer.push({0x1000'0000 + (in.byte() % 16) * net::buffer_size, in.byte()});
            (void)producer.take_signal_request();
            break;
        }
        case 3: {
            auto filled = consumer.size();
            if (filled) check(*filled <= capacity);
            auto buffer = consumer.pop();
            if (buffer) {
                check(net_bounds.check(*buffer).has_value());
                check(buffer->io_or_offset >= 0x1000'0000 && buffer->len <= net::buffer_size);
            }
            if (in.byte() & 1) consumer.request_signal();
            break;
        }
        case 4: { // a whole hostile slot
            const std::size_t slot = in.byte() % capacity;
            const std::uint64_t w = in.word();
            std::memcpy(net_memory + net::slots_offset + slot * 16, &w, 8);
            break;
        }
        case 5: {
            (void)client.push({static_cast<blk::RequestCode>(in.byte() % 4), in.word() % 0x10000,
                               in.byte(), in.byte(), in.byte()});
            auto response = client.pop();
            if (response) check(static_cast<std::uint32_t>(response->status) <= 4);
            break;
        }
        case 6: {
            auto request = server.pop();
            if (request && request->ok()) {
                const auto& r = request->request;
                if (r.code == blk::RequestCode::read || r.code == blk::RequestCode::write) {
                    check(r.count > 0);
                    check(r.io_or_offset + std::uint64_t{r.count} * blk::transfer_size <=
                          blk_bounds.data_size);
                    check(r.block_number + r.count <= blk_bounds.capacity_blocks);
                    check(!(blk_bounds.read_only && r.code == blk::RequestCode::write));
                }
                (void)server.push({blk::Status::ok, r.count, r.id});
            }
            break;
        }
        case 7: {
            auto info = blk::read_storage_info(*reinterpret_cast<blk::StorageInfo*>(requests));
            if (info) check(info->serial_number[63] == '\0' && info->block_size != 0);
            break;
        }
        }
    }
    return 0;
}
