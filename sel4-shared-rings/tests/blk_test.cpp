#include <gtest/gtest.h>

#include <cstring>

#include <sel4/rings/blk.hpp>

using namespace sel4::rings;
using namespace sel4::rings::blk;

namespace {

struct Memory {
    alignas(8) std::byte requests[request_queue_bytes(4)]{};
    alignas(8) std::byte responses[response_queue_bytes(4)]{};
    RequestQueue request_queue() { return RequestQueue::at(requests, sizeof requests, 4).value(); }
    ResponseQueue response_queue() {
        return ResponseQueue::at(responses, sizeof responses, 4).value();
    }
    template <class T>
    T peek(const std::byte* base, std::size_t offset) const {
        T value;
        std::memcpy(&value, base + offset, sizeof value);
        return value;
    }
    template <class T>
    void poke(std::byte* base, std::size_t offset, T value) {
        std::memcpy(base + offset, &value, sizeof value);
    }
};

constexpr RequestBounds bounds{16 * transfer_size, 100, false};

TEST(BlkQueue, RequestLayoutIsSddfs) {
    Memory m;
    auto client = Client::attach(m.request_queue(), m.response_queue()).value();
    ASSERT_TRUE(client.push({RequestCode::write, 0x3000, 77, 2, 9}));
    EXPECT_EQ(m.peek<std::uint32_t>(m.requests, 0), 0u); // head
    EXPECT_EQ(m.peek<std::uint32_t>(m.requests, 4), 1u); // tail
    EXPECT_EQ(m.peek<std::uint32_t>(m.requests, 16), 1u);
    EXPECT_EQ(m.peek<std::uint64_t>(m.requests, 24), 0x3000u);
    EXPECT_EQ(m.peek<std::uint64_t>(m.requests, 32), 77u);
    EXPECT_EQ(m.peek<std::uint16_t>(m.requests, 40), 2u);
    EXPECT_EQ(m.peek<std::uint32_t>(m.requests, 44), 9u);
}

TEST(BlkQueue, RoundTrip) {
    Memory m;
    auto client = Client::attach(m.request_queue(), m.response_queue()).value();
    auto server = Server::attach(m.request_queue(), m.response_queue(), bounds).value();
    ASSERT_TRUE(client.push({RequestCode::read, 0x2000, 99, 1, 3}));
    auto request = server.pop();
    ASSERT_TRUE(request);
    ASSERT_TRUE(request->ok());
    EXPECT_EQ(request->request.block_number, 99u);
    ASSERT_TRUE(server.push({Status::ok, 1, request->request.id}));
    // sDDF response: status at 8, success_count at 12, id at 16.
    EXPECT_EQ(m.peek<std::uint16_t>(m.responses, 12), 1u);
    EXPECT_EQ(m.peek<std::uint32_t>(m.responses, 16), 3u);
    auto response = client.pop();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, Status::ok);
    EXPECT_EQ(response->id, 3u);
}

TEST(BlkQueue, RequestsOutsideTheBoundsAreRefusedWithTheirId) {
    Memory m;
    auto client = Client::attach(m.request_queue(), m.response_queue()).value();
    auto server = Server::attach(m.request_queue(), m.response_queue(), bounds).value();
    ASSERT_TRUE(client.push({RequestCode::read, 15 * transfer_size, 0, 2, 1})); // data overflows
    ASSERT_TRUE(client.push({RequestCode::read, 0, 99, 2, 2})); // past the device's end
    ASSERT_TRUE(client.push({RequestCode::read, 0, 0, 0, 3}));  // no blocks
    ASSERT_TRUE(client.push({static_cast<RequestCode>(7), 0, 0, 1, 4}));
    auto a = server.pop();
    EXPECT_EQ(a->verdict.error(), RingError::bad_offset);
    EXPECT_EQ(a->request.id, 1u);
    EXPECT_EQ(server.pop()->verdict.error(), RingError::bad_length);
    EXPECT_EQ(server.pop()->verdict.error(), RingError::bad_length);
    EXPECT_EQ(server.pop()->verdict.error(), RingError::bad_code);
}

TEST(BlkQueue, HugeBlockNumbersDoNotWrap) {
    const RequestBounds b{16 * transfer_size, 100, false};
    EXPECT_EQ(b.check({RequestCode::read, 0, ~std::uint64_t{0}, 2, 0}).error(),
              RingError::bad_length);
    EXPECT_EQ(b.check({RequestCode::read, ~std::uint64_t{0} - 10, 0, 1, 0}).error(),
              RingError::bad_offset);
}

TEST(BlkQueue, NoWritesToAReadOnlyDevice) {
    const RequestBounds read_only{16 * transfer_size, 100, true};
    EXPECT_EQ(read_only.check({RequestCode::write, 0, 0, 1, 0}).error(), RingError::bad_code);
    EXPECT_TRUE(read_only.check({RequestCode::read, 0, 0, 1, 0}));
}

TEST(BlkQueue, PluggedQueueHoldsRequestsBack) {
    Memory m;
    auto client = Client::attach(m.request_queue(), m.response_queue()).value();
    auto server = Server::attach(m.request_queue(), m.response_queue(), bounds).value();
    client.plug();
    ASSERT_TRUE(client.push({RequestCode::read, 0, 0, 1, 0}));
    EXPECT_EQ(server.pop().error(), RingError::empty);
    client.unplug();
    EXPECT_TRUE(server.pop());
}

TEST(BlkQueue, UnknownStatusIsAnError) {
    Memory m;
    auto client = Client::attach(m.request_queue(), m.response_queue()).value();
    m.poke<std::uint32_t>(m.responses, 8, 99);
    m.poke<std::uint32_t>(m.responses, 4, 1);
    EXPECT_EQ(client.pop().error(), RingError::bad_code);
}

TEST(BlkQueue, ResponseTailTooFarAheadIsAnError) {
    Memory m;
    auto client = Client::attach(m.request_queue(), m.response_queue()).value();
    m.poke<std::uint32_t>(m.responses, 4, 5);
    EXPECT_EQ(client.pop().error(), RingError::peer_index);
}

TEST(BlkQueue, IdTableRefusesUnknownIds) {
    IdTable<4> ids;
    auto a = ids.allocate();
    auto b = ids.allocate();
    ASSERT_TRUE(a && b);
    EXPECT_NE(*a, *b);
    EXPECT_TRUE(ids.release(*a));
    EXPECT_EQ(ids.release(*a).error(), RingError::bad_id);
    EXPECT_EQ(ids.release(1000).error(), RingError::bad_id);
    ASSERT_TRUE(ids.allocate() && ids.allocate() && ids.allocate());
    EXPECT_FALSE(ids.allocate());
}

TEST(StorageInfo, LayoutAndReadiness) {
    alignas(8) std::byte page[storage_info_region_size]{};
    auto& shared = *reinterpret_cast<StorageInfo*>(page);
    EXPECT_FALSE(read_storage_info(shared));
    StorageInfo info{};
    std::strcpy(info.serial_number, "disk0");
    info.sector_size = 512;
    info.block_size = 1;
    info.capacity = 256;
    info.read_only = true;
    publish_storage_info(shared, info);
    EXPECT_EQ(static_cast<unsigned>(page[65]), 1u); // ready
    EXPECT_EQ(static_cast<unsigned>(page[64]), 1u); // read_only
    std::uint64_t capacity;
    std::memcpy(&capacity, page + 80, 8);
    EXPECT_EQ(capacity, 256u);
    auto seen = read_storage_info(shared);
    ASSERT_TRUE(seen);
    EXPECT_STREQ(seen->serial_number, "disk0");
}

TEST(StorageInfo, UnterminatedSerialAndZeroSizesAreHandled) {
    alignas(8) std::byte page[storage_info_region_size];
    std::memset(page, 'x', sizeof page);
    page[65] = std::byte{1};
    auto& shared = *reinterpret_cast<StorageInfo*>(page);
    auto seen = read_storage_info(shared);
    ASSERT_TRUE(seen);
    EXPECT_EQ(std::strlen(seen->serial_number), 63u);
    page[68] = page[69] = std::byte{0}; // block size 0
    EXPECT_FALSE(read_storage_info(shared));
}

} // namespace
