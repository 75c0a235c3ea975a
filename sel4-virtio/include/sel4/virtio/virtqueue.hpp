// A split virtqueue (virtio 1.x), the driver's side. The descriptor table, available ring and
// used ring live in DMA memory the device reads and writes; the driver's bookkeeping (free
// descriptors, what each chain holds) lives in private memory, so whatever the device writes it
// cannot make the driver free the wrong descriptors or believe a length the buffers cannot hold.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <sel4/rings/spsc.hpp>
#include <sel4/virtio/error.hpp>

namespace sel4::virtio {

struct Descriptor {
    std::uint64_t addr;
    std::uint32_t len;
    std::uint16_t flags;
    std::uint16_t next;
};
static_assert(sizeof(Descriptor) == 16);
inline constexpr std::uint16_t desc_next = 1;
inline constexpr std::uint16_t desc_write = 2; // the device writes this buffer
inline constexpr std::uint16_t used_no_notify = 1;

struct UsedElement {
    std::uint32_t id;
    std::uint32_t len;
};
static_assert(sizeof(UsedElement) == 8);

// Memory the device can reach: our address for it, and the device's (physical) address.
struct DmaRegion {
    std::byte* vaddr;
    std::uint64_t paddr;
    std::size_t size;
};

// One buffer of a chain, as the device addresses it.
struct Segment {
    std::uint64_t paddr;
    std::uint32_t len;
    bool device_writes;
};

struct Used {
    std::uint16_t head;   // the chain's first descriptor, as add() returned it
    std::uint32_t len;    // bytes the device wrote (checked against the chain)
    std::uint64_t cookie; // what the driver gave add()
};

class SplitQueue {
  public:
    static constexpr std::size_t avail_offset(std::uint16_t size) { return 16u * size; }
    static constexpr std::size_t used_offset(std::uint16_t size) {
        return (avail_offset(size) + 6 + 2u * size + 3) & ~std::size_t{3};
    }
    static constexpr std::size_t bytes(std::uint16_t size) {
        return used_offset(size) + 6 + 8u * size;
    }

    SplitQueue() = default;

    // The queue in `memory` (16-byte aligned), `size` a power of two up to 32768.
    static Result<SplitQueue> create(DmaRegion memory, std::uint16_t size) {
        if (!rings::is_power_of_two(size) || size > 32768 || memory.size < bytes(size) ||
            reinterpret_cast<std::uintptr_t>(memory.vaddr) % 16 != 0 || memory.paddr % 16 != 0)
            return VirtioError::bad_layout;
        SplitQueue queue;
        queue.memory_ = memory;
        queue.size_ = size;
        queue.chains_.assign(size, Chain{});
        queue.next_free_.resize(size);
        for (std::uint16_t i = 0; i < size; ++i)
            queue.next_free_[i] = static_cast<std::uint16_t>(i + 1);
        queue.free_head_ = 0;
        queue.free_count_ = size;
        for (std::size_t i = 0; i < bytes(size); ++i)
            memory.vaddr[i] = std::byte{0};
        return queue;
    }

    // Puts a chain of buffers on the available ring. The caller then notifies the device.
    Result<std::uint16_t> add(std::span<const Segment> segments, std::uint64_t cookie) {
        if (segments.empty() || segments.size() > free_count_) return VirtioError::queue_full;
        const std::uint16_t head = free_head_;
        std::uint16_t index = head;
        std::uint32_t writable = 0;
        for (std::size_t i = 0; i < segments.size(); ++i) {
            const Segment& s = segments[i];
            const bool last = i + 1 == segments.size();
            const std::uint16_t next = next_free_[index];
            Descriptor& d = descriptors()[index];
            rings::detail::store_relaxed(d.addr, s.paddr);
            rings::detail::store_relaxed(d.len, s.len);
            rings::detail::store_relaxed(
                d.flags, static_cast<std::uint16_t>((last ? 0 : desc_next) |
                                                    (s.device_writes ? desc_write : 0)));
            rings::detail::store_relaxed(d.next, last ? std::uint16_t{0} : next);
            if (s.device_writes) writable += s.len;
            if (!last)
                index = next;
            else
                free_head_ = next;
        }
        free_count_ = static_cast<std::uint16_t>(free_count_ - segments.size());
        chains_[head] = Chain{static_cast<std::uint16_t>(segments.size()), writable, cookie, true};
        std::uint16_t* ring = avail_ring();
        rings::detail::store_relaxed(ring[avail_idx_ & (size_ - 1)], head);
        avail_idx_ = static_cast<std::uint16_t>(avail_idx_ + 1);
        rings::detail::store_release(*avail_idx_shared(), avail_idx_);
        return head;
    }

    // The next chain the device has finished with, checked: the used index may move forward by at
    // most the queue size, the id must be a chain in flight, the length within what it can hold.
    Result<Used> pop_used() {
        const std::uint16_t used_idx = rings::detail::load_acquire(*used_idx_shared());
        const auto pending = static_cast<std::uint16_t>(used_idx - last_used_);
        if (pending > size_) return VirtioError::bad_used_index;
        if (pending == 0) return VirtioError::empty;
        const UsedElement& e = used_ring()[last_used_ & (size_ - 1)];
        const std::uint32_t id = rings::detail::load_relaxed(e.id);
        const std::uint32_t len = rings::detail::load_relaxed(e.len);
        last_used_ = static_cast<std::uint16_t>(last_used_ + 1);
        if (id >= size_ || !chains_[id].in_flight) return VirtioError::bad_used_id;
        Chain& chain = chains_[id];
        const Used used{static_cast<std::uint16_t>(id), len, chain.cookie};
        release(static_cast<std::uint16_t>(id));
        if (len > chain.writable) return VirtioError::bad_used_length;
        return used;
    }

    // Whether the device asked to be told about new buffers (it clears VIRTQ_USED_F_NO_NOTIFY
    // when it stops polling the queue); call after add(), before notifying. A device that lies
    // here only delays itself.
    bool device_wants_notification() const {
        std::atomic_thread_fence(std::memory_order_seq_cst);
        const auto* flags =
            reinterpret_cast<const std::uint16_t*>(memory_.vaddr + used_offset(size_));
        return (rings::detail::load_relaxed(*flags) & used_no_notify) == 0;
    }

    std::uint16_t size() const { return size_; }
    std::uint16_t free_descriptors() const { return free_count_; }
    std::uint16_t in_flight() const {
        std::uint16_t n = 0;
        for (const Chain& c : chains_)
            n = static_cast<std::uint16_t>(n + c.in_flight);
        return n;
    }
    std::uint64_t desc_paddr() const { return memory_.paddr; }
    std::uint64_t avail_paddr() const { return memory_.paddr + avail_offset(size_); }
    std::uint64_t used_paddr() const { return memory_.paddr + used_offset(size_); }

  private:
    struct Chain {
        std::uint16_t length = 0;
        std::uint32_t writable = 0;
        std::uint64_t cookie = 0;
        bool in_flight = false;
    };

    // Frees a chain by our own record of it, never by the (device-writable) next fields.
    void release(std::uint16_t head) {
        Chain& chain = chains_[head];
        // add() took descriptors from the free list in order: walk the same list.
        std::uint16_t index = head;
        for (std::uint16_t i = 1; i < chain.length; ++i)
            index = next_free_[index];
        next_free_[index] = free_head_;
        free_head_ = head;
        free_count_ = static_cast<std::uint16_t>(free_count_ + chain.length);
        chain.in_flight = false;
    }

    Descriptor* descriptors() const { return reinterpret_cast<Descriptor*>(memory_.vaddr); }
    std::uint16_t* avail_idx_shared() const {
        return reinterpret_cast<std::uint16_t*>(memory_.vaddr + avail_offset(size_) + 2);
    }
    std::uint16_t* avail_ring() const {
        return reinterpret_cast<std::uint16_t*>(memory_.vaddr + avail_offset(size_) + 4);
    }
    const std::uint16_t* used_idx_shared() const {
        return reinterpret_cast<const std::uint16_t*>(memory_.vaddr + used_offset(size_) + 2);
    }
    const UsedElement* used_ring() const {
        return reinterpret_cast<const UsedElement*>(memory_.vaddr + used_offset(size_) + 4);
    }

    DmaRegion memory_{};
    std::uint16_t size_ = 0;
    std::vector<Chain> chains_;
    std::vector<std::uint16_t> next_free_; // private links: the free list and each chain
    std::uint16_t free_head_ = 0;
    std::uint16_t free_count_ = 0;
    std::uint16_t avail_idx_ = 0;
    std::uint16_t last_used_ = 0;
};

} // namespace sel4::virtio
