// The FAT reader's block device over the virtio-blk driver's sDDF queues: a cache miss becomes a
// request on the ring and the read answers "pending"; when the driver notifies, complete()
// copies each answer into the cache line that waits for it.
#pragma once

#include <array>
#include <cstring>
#include <optional>

#include <sel4/fat/block_cache.hpp>
#include <sel4/microkit.hpp>
#include <sel4/rings/blk.hpp>

namespace http_server {

namespace blk = sel4::rings::blk;

class RingBlockDevice : public sel4::fat::BlockDevice {
  public:
    static constexpr std::uint32_t ring_capacity = 128;

    // Attaches to the queues; false when they are unusable or the data region is too small.
    bool attach(std::byte* requests, std::byte* responses, std::size_t queue_size, std::byte* data,
                std::size_t data_size, std::uint64_t capacity_blocks,
                sel4::microkit::Channel driver) {
        auto rq = blk::RequestQueue::at(requests, queue_size, ring_capacity);
        auto rs = blk::ResponseQueue::at(responses, queue_size, ring_capacity);
        if (!rq || !rs || data_size < slots * blk::transfer_size) return false;
        auto client = blk::Client::attach(*rq, *rs);
        if (!client) return false;
        client_ = *client;
        data_ = data;
        sectors_ = capacity_blocks * (blk::transfer_size / sector_size);
        driver_ = driver;
        return true;
    }

    std::uint64_t sector_count() const override { return sectors_; }

    sel4::fat::Error read(std::uint64_t sector, std::span<std::byte> out) override {
        // The cache reads whole aligned lines of one transfer block.
        if (sector % (blk::transfer_size / sector_size) != 0 || out.size() > blk::transfer_size)
            return sel4::fat::Error::io;
        std::optional<std::uint32_t> id = ids_.allocate();
        if (!id)
            return sel4::fat::Error::io; // cannot happen: as many ids as slots, slots > cache
                                         // misses
        Waiting& w = waiting_[*id];
        w = {sector, out};
        const blk::Request request{blk::RequestCode::read, std::uint64_t{*id} * blk::transfer_size,
                                   sector / (blk::transfer_size / sector_size), 1, *id};
        if (!client_.push(request)) {
            (void)ids_.release(*id);
            return sel4::fat::Error::io;
        }
        ++requests_;
        ++in_flight_;
        driver_.notify();
        return sel4::fat::Error::pending;
    }

    // Takes every answer the driver has given; returns how many, or -1 if the driver broke the
    // queues or answered a request never made.
    int complete(sel4::fat::BlockCache& cache) {
        int answered = 0;
        for (;;) {
            auto response = client_.pop();
            if (!response) return response.error() == sel4::rings::RingError::empty ? answered : -1;
            if (!ids_.release(response->id)) return -1;
            Waiting& w = waiting_[response->id];
            const bool ok = response->status == blk::Status::ok;
            if (ok)
                std::memcpy(w.out.data(), data_ + std::size_t{response->id} * blk::transfer_size,
                            w.out.size());
            cache.complete(w.sector, ok);
            --in_flight_;
            ++answered;
        }
    }

    std::uint64_t requests() const { return requests_; }

    // Notifies the driver again while requests wait (from a periodic timer): a lost
    // notification then delays them instead of stopping them.
    void nudge() const {
        if (in_flight_) driver_.notify();
    }

  private:
    static constexpr std::uint32_t slots = ring_capacity;
    struct Waiting {
        std::uint64_t sector = 0;
        std::span<std::byte> out;
    };
    blk::Client client_;
    blk::IdTable<slots> ids_;
    std::array<Waiting, slots> waiting_{};
    std::byte* data_ = nullptr;
    std::uint64_t sectors_ = 0;
    std::uint32_t in_flight_ = 0;
    std::uint64_t requests_ = 0;
    sel4::microkit::Channel driver_{2};
};

} // namespace http_server
