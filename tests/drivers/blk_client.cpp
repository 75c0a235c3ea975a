// Block test client: reads known blocks of a disk image made at build time (singly and four at a
// time) and checks them against checksums computed on the host; writes the scratch block and
// reads it back; asks for a block past the end and expects a refusal.
#include <cstdio>
#include <cstring>

#include <sel4/microkit.hpp>
#include <sel4/rings/blk.hpp>

#include "disk_checksums.hpp"

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

std::uint64_t fnv1a(const std::byte* p, std::size_t n) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (std::size_t i = 0; i < n; ++i)
        h = (h ^ static_cast<std::uint8_t>(p[i])) * 0x100000001b3ull;
    return h;
}
std::uint64_t expected(std::uint64_t block) {
    for (const auto& k : known_blocks)
        if (k.block == block) return k.fnv1a;
    return 0;
}
} // namespace

class BlkClient : public ProtectionDomain {
    blk::Client client_;
    blk::IdTable<ring_capacity> ids_;
    unsigned step_ = 0;
    unsigned failures_ = 0;

    struct Step {
        blk::RequestCode code;
        std::uint64_t block;
        std::uint16_t count;
        bool expect_ok;
    };
    static constexpr std::size_t known_count = sizeof known_blocks / sizeof known_blocks[0];

    Step step(unsigned n) const {
        if (n < known_count) return {blk::RequestCode::read, known_blocks[n].block, 1, true};
        n -= known_count;
        switch (n) {
        case 0:
            return {blk::RequestCode::read, 8, 4, true}; // blocks 8..11 at once
        case 1:
            return {blk::RequestCode::write, scratch_block, 1, true};
        case 2:
            return {blk::RequestCode::read, scratch_block, 1, true};
        case 3:
            return {blk::RequestCode::read, disk_blocks - 1, 2, false}; // past the end
        default:
            return {blk::RequestCode::flush, 0, 0, false};
        }
    }
    static constexpr unsigned steps = known_count + 4;

    void init() override {
        auto info = blk::read_storage_info(*storage_info.get());
        if (!info) {
            std::printf("blk-client: FAILED: the driver published no storage information\n");
            return;
        }
        std::printf("blk-client: %s, %llu blocks%s\n", info->serial_number,
                    static_cast<unsigned long long>(info->capacity),
                    info->read_only ? ", read-only" : "");
        if (data_size < 4 * blk::transfer_size) {
            std::printf("blk-client: FAILED: data region too small\n");
            return;
        }
        if (info->capacity != disk_blocks) {
            std::printf("blk-client: FAILED: capacity %llu, the image has %llu\n",
                        static_cast<unsigned long long>(info->capacity),
                        static_cast<unsigned long long>(disk_blocks));
            return;
        }
        auto rq = blk::RequestQueue::at(requests.get(), queue_size, ring_capacity);
        auto rs = blk::ResponseQueue::at(responses.get(), queue_size, ring_capacity);
        auto client = rq && rs ? blk::Client::attach(*rq, *rs) : rings_error();
        if (!client) {
            std::printf("blk-client: FAILED: queues unusable\n");
            return;
        }
        client_ = *client;
        send(step(0));
    }

    static sel4::rings::Result<blk::Client> rings_error() {
        return sel4::rings::RingError::bad_layout;
    }

    void send(const Step& s) {
        if (s.code == blk::RequestCode::write)
            for (std::size_t i = 0; i < blk::transfer_size; ++i)
                data.get()[i] = static_cast<std::byte>(i * 7 + 3);
        else
            std::memset(data.get(), 0, std::size_t{s.count} * blk::transfer_size);
        const auto id = ids_.allocate();
        if (!id || !client_.push({s.code, 0, s.block, s.count, *id})) {
            std::printf("blk-client: FAILED: cannot queue a request\n");
            return;
        }
        driver.notify();
    }

    void notified(Channel) override {
        for (;;) {
            auto response = client_.pop();
            if (!response) {
                if (response.error() != sel4::rings::RingError::empty) {
                    std::printf("blk-client: FAILED: %s\n",
                                sel4::rings::describe(response.error()).data());
                }
                return;
            }
            if (!ids_.release(response->id)) {
                std::printf("blk-client: FAILED: response to an unknown request %u\n",
                            response->id);
                return;
            }
            check(step(step_), *response);
            if (++step_ == steps) {
                if (failures_ == 0)
                    std::printf("blk-client: all passed\n");
                else
                    std::printf("blk-client: FAILED: %u checks\n", failures_);
                return;
            }
            send(step(step_));
        }
    }

    void check(const Step& s, const blk::Response& r) {
        const bool ok = r.status == blk::Status::ok;
        if (ok != s.expect_ok) {
            std::printf("blk-client: FAILED: block %llu: status %u\n",
                        static_cast<unsigned long long>(s.block), static_cast<unsigned>(r.status));
            ++failures_;
            return;
        }
        if (!ok) {
            std::printf("blk-client: block %llu past the end refused (status %u)\n",
                        static_cast<unsigned long long>(s.block), static_cast<unsigned>(r.status));
            return;
        }
        if (s.code == blk::RequestCode::write) {
            std::printf("blk-client: wrote block %llu\n", static_cast<unsigned long long>(s.block));
            return;
        }
        for (std::uint16_t i = 0; i < s.count; ++i) {
            const std::byte* p = data.get() + std::size_t{i} * blk::transfer_size;
            const std::uint64_t block = s.block + i;
            bool good;
            if (block == scratch_block) {
                good = true;
                for (std::size_t k = 0; k < blk::transfer_size; ++k)
                    good &= p[k] == static_cast<std::byte>(k * 7 + 3);
            } else {
                good = fnv1a(p, blk::transfer_size) == expected(block);
            }
            std::printf("blk-client: block %llu %s\n", static_cast<unsigned long long>(block),
                        good ? "ok" : "WRONG");
            failures_ += !good;
        }
    }
};

SEL4_MICROKIT_PD(BlkClient)
