// Hands out the empty slots of a CNode range [start, end): freed slots first, then fresh ones.
// Pure logic (no kernel calls), tested on the host.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace sel4::alloc {

// The allocator of one CNode range.
class SlotAllocator {
  public:
    using Slot = std::uintptr_t; // a slot's index (a CPtr in the initial thread's CNode)

    // An empty range, or [start, end).
    SlotAllocator() = default;
    SlotAllocator(Slot start, Slot end) : next_(start), start_(start), end_(end) {}

    // An empty slot, or nothing when the range is used up.
    std::optional<Slot> allocate() {
        if (!freed_.empty()) {
            const Slot slot = freed_.back();
            freed_.pop_back();
            return slot;
        }
        if (next_ >= end_) return std::nullopt;
        return next_++;
    }

    // n consecutive slots (for retyping several objects at once), never from the freed ones.
    std::optional<Slot> allocate_range(std::size_t n) {
        if (n == 0 || end_ - next_ < n) return std::nullopt;
        const Slot first = next_;
        next_ += n;
        return first;
    }

    // Gives back a slot the caller emptied. Slots outside the range are ignored.
    void free(Slot slot) {
        if (slot >= start_ && slot < next_) freed_.push_back(slot);
    }

    // How many slots are left.
    std::size_t available() const { return (end_ - next_) + freed_.size(); }

  private:
    Slot next_ = 0, start_ = 0, end_ = 0;
    std::vector<Slot> freed_;
};

} // namespace sel4::alloc
