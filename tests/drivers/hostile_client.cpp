// A hostile block client: requests outside its data region, past the disk's end, with unknown
// codes, and then a request queue index no honest client could write. The driver must refuse
// each request (invalid_parameter, with the request's id), report the broken queue, and go on
// running; nothing faults.
#include <cstdio>
#include <cstring>

#include <sel4/microkit.hpp>
#include <sel4/rings/blk.hpp>

using namespace sel4::microkit;
namespace blk = sel4::rings::blk;

extern "C" {
extern Region<blk::StorageInfo> storage_info;
extern Region<std::byte> requests;
extern Region<std::byte> responses;
extern Region<std::byte> data;
extern std::uint64_t queue_size;
extern std::uint64_t data_size;
}
Region<blk::StorageInfo> storage_info{};
Region<std::byte> requests{};
Region<std::byte> responses{};
Region<std::byte> data{};
std::uint64_t queue_size{};
std::uint64_t data_size{};

namespace {
constexpr Channel driver{0};
constexpr std::uint32_t ring_capacity = 128;
} // namespace

class HostileClient : public ProtectionDomain {
    blk::Client client_;
    unsigned refused_ = 0;
    static constexpr unsigned bad_requests = 5;

    void init() override {
        auto info = blk::read_storage_info(*storage_info.get());
        auto rq = blk::RequestQueue::at(requests.get(), queue_size, ring_capacity);
        auto rs = blk::ResponseQueue::at(responses.get(), queue_size, ring_capacity);
        if (!info || !rq || !rs) {
            std::printf("hostile-client: FAILED: no disk\n");
            return;
        }
        client_ = blk::Client::attach(*rq, *rs).value();
        std::memset(data.get(), 0, data_size);
        const std::uint64_t end = info->capacity;
        const blk::Request bad[bad_requests] = {
            {blk::RequestCode::read, data_size, 0, 1, 1},              // past the data region
            {blk::RequestCode::read, data_size - 100, 0, 1, 2},        // straddles its end
            {blk::RequestCode::read, 0, end, 1, 3},                    // past the disk
            {blk::RequestCode::write, 0, ~std::uint64_t{0} - 1, 2, 4}, // wraps around
            {static_cast<blk::RequestCode>(77), 0, 0, 1, 5},           // no such request
        };
        for (const auto& r : bad)
            if (!client_.push(r)) std::printf("hostile-client: FAILED: queue full\n");
        driver.notify();
    }

    void notified(Channel) override {
        while (auto response = client_.pop()) {
            const bool refused = response->status == blk::Status::invalid_parameter &&
                                 response->success_count == 0 && response->id >= 1 &&
                                 response->id <= bad_requests;
            std::printf("hostile-client: request %u %s\n", response->id,
                        refused ? "refused" : "ACCEPTED");
            if (!refused) return;
            if (++refused_ < bad_requests) continue;
            std::printf("hostile-client: every bad request refused; now breaking the queue\n");
            auto* tail = reinterpret_cast<std::uint32_t*>(requests.get() + 4);
            *tail += 1000; // a thousand requests in a queue of 128
            driver.notify();
            return;
        }
    }
};

SEL4_MICROKIT_PD(HostileClient)
