// Block benchmark client: keeps 16 single-block reads in flight for two seconds of the timer
// driver's clock and reports reads per second (benchmarks/drivers.py collects the figure).
#include <cstdio>

#include <sel4/drivers/clients.hpp>
#include <sel4/microkit.hpp>
#include <sel4/rings/blk.hpp>

using namespace sel4::microkit;
namespace blk = sel4::rings::blk;

extern "C" {
extern Region<blk::StorageInfo> storage_info;
extern Region<std::byte> requests;
extern Region<std::byte> responses;
extern std::uint64_t queue_size;
extern std::uint64_t data_size;
}
Region<blk::StorageInfo> storage_info{};
Region<std::byte> requests{};
Region<std::byte> responses{};
std::uint64_t queue_size{};
std::uint64_t data_size{};

namespace {
constexpr Channel driver{0};
constexpr sel4::drivers::TimerClient timer{Channel{1}};
constexpr std::uint32_t ring_capacity = 128;
constexpr std::uint32_t depth = 16;
constexpr std::uint64_t duration_ns = 2'000'000'000;
} // namespace

class BlkBench : public ProtectionDomain {
    blk::Client client_;
    std::uint64_t capacity_ = 0, next_block_ = 0, done_ = 0, started_ = 0;
    bool finished_ = false;

    void init() override {
        auto info = blk::read_storage_info(*storage_info.get());
        auto rq = blk::RequestQueue::at(requests.get(), queue_size, ring_capacity);
        auto rs = blk::ResponseQueue::at(responses.get(), queue_size, ring_capacity);
        if (!info || !rq || !rs || data_size < depth * blk::transfer_size) {
            std::printf("blk-bench: FAILED: no disk or queues\n");
            return;
        }
        auto client = blk::Client::attach(*rq, *rs);
        if (!client) {
            std::printf("blk-bench: FAILED: queues unusable\n");
            return;
        }
        client_ = *client;
        capacity_ = info->capacity;
        started_ = timer.now_ns();
        for (std::uint32_t slot = 0; slot < depth; ++slot)
            submit(slot);
        driver.notify();
    }

    void submit(std::uint32_t slot) {
        if (client_.push({blk::RequestCode::read, slot * blk::transfer_size, next_block_, 1, slot}))
            next_block_ = (next_block_ + 1) % capacity_;
    }

    void notified(Channel channel) override {
        if (finished_ || !(channel == driver)) return;
        bool resubmitted = false;
        for (;;) {
            auto response = client_.pop();
            if (!response) break;
            if (response->status != blk::Status::ok || response->id >= depth) {
                std::printf("blk-bench: FAILED: bad response\n");
                finished_ = true;
                return;
            }
            ++done_;
            submit(response->id);
            resubmitted = true;
        }
        const std::uint64_t elapsed = timer.now_ns() - started_;
        if (elapsed >= duration_ns) {
            finished_ = true;
            const std::uint64_t rate = done_ * 1'000'000'000 / elapsed;
            std::printf("blk-bench: %llu reads of 4 KiB in %llu ms\n",
                        static_cast<unsigned long long>(done_),
                        static_cast<unsigned long long>(elapsed / 1'000'000));
            std::printf("benchmark: blk_reads_per_s %llu\n", static_cast<unsigned long long>(rate));
            std::printf("blk-bench: done\n");
            return;
        }
        if (resubmitted) driver.notify();
    }
};

SEL4_MICROKIT_PD(BlkBench)
