// Least-recently-used line cache in front of a block device, with reads that may complete later.
#include <sel4/fat/block_cache.hpp>

#include <algorithm>
#include <cstring>

namespace sel4::fat {

BlockCache::BlockCache(BlockDevice& device, std::size_t line_count, std::size_t line_size)
    : device_(device), line_size_(line_size), line_count_(line_count), lines_(new Line[line_count]),
      data_(new std::byte[line_count * line_size]) {
    assert(line_count > 0);
    assert(line_size >= BlockDevice::sector_size && (line_size & (line_size - 1)) == 0);
}

bool BlockCache::busy() const {
    return std::any_of(lines_.get(), lines_.get() + line_count_,
                       [](const Line& line) { return line.state == State::filling; });
}

Error BlockCache::line_for(std::uint64_t offset, std::size_t& index) {
    const std::uint64_t first = offset & ~std::uint64_t(line_size_ - 1);
    std::size_t victim = line_count_;
    for (std::size_t i = 0; i < line_count_; ++i) {
        Line& line = lines_[i];
        if (line.state != State::empty && line.first_byte == first) {
            switch (line.state) {
            case State::valid:
                line.last_used = ++clock_;
                ++stats_.hits;
                index = i;
                return Error::none;
            case State::filling:
                return Error::pending;
            case State::failed:
                // Report the failure once; the next read asks the device again.
                line.state = State::empty;
                return Error::io;
            case State::empty:
                break;
            }
        }
        if (line.state == State::filling) continue;
        if (victim == line_count_ || line.state == State::empty ||
            (lines_[victim].state != State::empty && line.last_used < lines_[victim].last_used))
            victim = i;
    }
    if (victim == line_count_) return Error::pending; // every line is waiting for the device
    const std::uint64_t size = size_bytes();
    if (first >= size) return Error::out_of_range;
    Line& line = lines_[victim];
    line.first_byte = first;
    line.length = static_cast<std::size_t>(std::min<std::uint64_t>(line_size_, size - first));
    line.last_used = ++clock_;
    line.state = State::filling;
    ++stats_.misses;
    std::span<std::byte> buffer(data_.get() + victim * line_size_, line.length);
    const Error error = device_.read(first / BlockDevice::sector_size, buffer);
    if (error == Error::pending) return Error::pending;
    if (error != Error::none) {
        line.state = State::empty;
        ++stats_.failures;
        return Error::io;
    }
    line.state = State::valid;
    index = victim;
    return Error::none;
}

Error BlockCache::read(std::uint64_t offset, std::span<std::byte> out) {
    if (offset > size_bytes() || out.size() > size_bytes() - offset) return Error::out_of_range;
    while (!out.empty()) {
        std::size_t index = 0;
        if (const Error error = line_for(offset, index); error != Error::none) return error;
        const Line& line = lines_[index];
        const std::size_t within = static_cast<std::size_t>(offset - line.first_byte);
        const std::size_t count = std::min(out.size(), line.length - within);
        std::memcpy(out.data(), data_.get() + index * line_size_ + within, count);
        out = out.subspan(count);
        offset += count;
    }
    return Error::none;
}

void BlockCache::complete(std::uint64_t sector, bool ok) {
    const std::uint64_t first = sector * BlockDevice::sector_size;
    for (std::size_t i = 0; i < line_count_; ++i) {
        Line& line = lines_[i];
        if (line.state == State::filling && line.first_byte == first) {
            line.state = ok ? State::valid : State::failed;
            if (!ok) ++stats_.failures;
            return;
        }
    }
}

} // namespace sel4::fat
