// The block device the FAT reader reads through, and a cache of fixed-size lines in front of it.
// A device may answer at once or later (a request on a shared-memory ring): a later answer makes
// the read return Error::pending, and the owner calls complete() when the device has answered;
// every read of the FAT reader can then simply be retried.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include <sel4/fat/error.hpp>

namespace sel4::fat {

class BlockDevice {
  public:
    static constexpr std::size_t sector_size = 512;

    virtual ~BlockDevice() = default;
    virtual std::uint64_t sector_count() const = 0;
    // Reads out.size() / sector_size sectors from `sector` into out. Returns Error::none when out
    // is filled, Error::pending when the device fills it later (out stays untouched by anyone
    // else until BlockCache::complete), or Error::io.
    virtual Error read(std::uint64_t sector, std::span<std::byte> out) = 0;
};

class BlockCache {
  public:
    struct Stats {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;
        std::uint64_t failures = 0;
    };

    // line_size: a power of two, a multiple of the sector size.
    BlockCache(BlockDevice& device, std::size_t line_count, std::size_t line_size = 4096);

    std::uint64_t size_bytes() const { return device_.sector_count() * BlockDevice::sector_size; }
    std::size_t line_size() const { return line_size_; }

    // Copies the device's bytes [offset, offset + out.size()) into out.
    [[nodiscard]] Error read(std::uint64_t offset, std::span<std::byte> out);

    // The device has finished the pending read that started at `sector`.
    void complete(std::uint64_t sector, bool ok);

    // Whether some read is waiting for the device.
    bool busy() const;
    const Stats& stats() const { return stats_; }

  private:
    enum class State : std::uint8_t { empty, filling, valid, failed };
    struct Line {
        std::uint64_t first_byte = 0;
        std::uint64_t last_used = 0;
        std::size_t length = 0;
        State state = State::empty;
    };

    // The line holding `offset`, filled; or the error that stops it being filled now.
    Error line_for(std::uint64_t offset, std::size_t& index);

    BlockDevice& device_;
    std::size_t line_size_;
    std::size_t line_count_;
    std::unique_ptr<Line[]> lines_;
    std::unique_ptr<std::byte[]> data_;
    std::uint64_t clock_ = 0;
    Stats stats_;
};

} // namespace sel4::fat
