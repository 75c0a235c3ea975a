// The heap behind malloc: a fixed arena grown by sbrk, as the C libraries expect.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sel4::runtime {

class BumpArena {
  public:
    constexpr BumpArena(std::byte* base, std::size_t size) : base_(base), size_(size) {}

    // sbrk semantics: returns the old break and moves it by increment, or nullptr (and no
    // change) when that would leave the arena.
    void* grow(std::ptrdiff_t increment) {
        void* old_break = base_ + used_;
        if (increment >= 0) {
            const auto growth = static_cast<std::size_t>(increment);
            if (growth > size_ - used_) return nullptr;
            used_ += growth;
        } else {
            // -(increment + 1) + 1 == -increment without overflowing at PTRDIFF_MIN.
            const auto shrink = static_cast<std::size_t>(-(increment + 1)) + 1;
            if (shrink > used_) return nullptr;
            used_ -= shrink;
        }
        return old_break;
    }

    std::size_t used() const { return used_; }
    std::size_t capacity() const { return size_; }

  private:
    std::byte* base_;
    std::size_t size_;
    std::size_t used_ = 0;
};

} // namespace sel4::runtime
