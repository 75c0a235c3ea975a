// Single-producer single-consumer queues over shared memory, distrusting the peer.
//
// Each side owns one index (the producer the tail, the consumer the head) and keeps its own copy
// of it: what is in shared memory is written by us and read by the peer, never read back, so a
// peer scribbling over our index changes nothing for us. The peer's index is read with acquire
// ordering and checked before use: it may only move forward, and never past ours. Slots are
// copied out once (relaxed loads) and the copy is what gets checked and used, so a peer that
// rewrites a slot after we read it cannot change what we act on.
#pragma once

#include <atomic>
#include <cstdint>
#include <type_traits>

#include <sel4/rings/result.hpp>

namespace sel4::rings {

namespace detail {

template <class T>
T load_relaxed(const T& shared) {
    return std::atomic_ref<T>(const_cast<T&>(shared)).load(std::memory_order_relaxed);
}
template <class T>
void store_relaxed(T& shared, T value) {
    std::atomic_ref<T>(shared).store(value, std::memory_order_relaxed);
}
template <class T>
T load_acquire(const T& shared) {
    return std::atomic_ref<T>(const_cast<T&>(shared)).load(std::memory_order_acquire);
}
template <class T>
void store_release(T& shared, T value) {
    std::atomic_ref<T>(shared).store(value, std::memory_order_release);
}

} // namespace detail

constexpr bool is_power_of_two(std::uint64_t n) {
    return n != 0 && (n & (n - 1)) == 0;
}

// Slot types provide `static Slot read_shared(const Slot&)` and
// `static void write_shared(Slot&, const Slot&)` (field-wise relaxed atomic accesses).
template <class Index, class Slot>
class Producer {
    static_assert(std::is_unsigned_v<Index>);

  public:
    Producer() = default;

    // The capacity must be a power of two that the index type can count.
    static Result<Producer> attach(Index* head, Index* tail, Slot* slots, std::uint32_t capacity) {
        if (!valid_capacity(capacity)) return RingError::bad_layout;
        Producer producer{head, tail, slots, capacity};
        const Index peer_head = detail::load_acquire(*head);
        producer.tail_ = detail::load_relaxed(*tail);
        if (static_cast<Index>(producer.tail_ - peer_head) > capacity) return RingError::peer_index;
        producer.head_seen_ = peer_head;
        return producer;
    }

    // How many more slots can be filled; an error when the peer's head is impossible.
    Result<std::uint32_t> space() {
        auto head = refresh_head();
        if (!head) return head.error();
        return capacity_ - static_cast<Index>(tail_ - *head);
    }

    Result<void> push(const Slot& slot) {
        auto room = space();
        if (!room) return room.error();
        if (*room == 0) return RingError::full;
        Slot::write_shared(slots_[tail_ & (capacity_ - 1)], slot);
        tail_ = static_cast<Index>(tail_ + 1);
        detail::store_release(*tail_shared_, tail_);
        return {};
    }

    std::uint32_t capacity() const { return capacity_; }
    Index tail() const { return tail_; }

    static constexpr bool valid_capacity(std::uint64_t capacity) {
        return is_power_of_two(capacity) &&
               capacity <= (std::uint64_t{1} << (8 * sizeof(Index) - 1));
    }

  private:
    Producer(Index* head, Index* tail, Slot* slots, std::uint32_t capacity)
        : head_shared_(head), tail_shared_(tail), slots_(slots), capacity_(capacity) {}

    // The peer's head may only advance, and never past our tail.
    Result<Index> refresh_head() {
        const Index head = detail::load_acquire(*head_shared_);
        const auto outstanding_before = static_cast<Index>(tail_ - head_seen_);
        const auto outstanding_now = static_cast<Index>(tail_ - head);
        if (outstanding_now > outstanding_before) return RingError::peer_index;
        head_seen_ = head;
        return head;
    }

    const Index* head_shared_ = nullptr;
    Index* tail_shared_ = nullptr;
    Slot* slots_ = nullptr;
    std::uint32_t capacity_ = 0;
    Index tail_ = 0;
    Index head_seen_ = 0;
};

template <class Index, class Slot>
class Consumer {
    static_assert(std::is_unsigned_v<Index>);

  public:
    Consumer() = default;

    static Result<Consumer> attach(Index* head, Index* tail, Slot* slots, std::uint32_t capacity) {
        if (!Producer<Index, Slot>::valid_capacity(capacity)) return RingError::bad_layout;
        Consumer consumer{head, tail, slots, capacity};
        consumer.head_ = detail::load_relaxed(*head);
        const Index peer_tail = detail::load_acquire(*tail);
        if (static_cast<Index>(peer_tail - consumer.head_) > capacity) return RingError::peer_index;
        consumer.tail_seen_ = peer_tail;
        return consumer;
    }

    // How many slots are filled; an error when the peer's tail is impossible.
    Result<std::uint32_t> size() {
        auto tail = refresh_tail();
        if (!tail) return tail.error();
        return static_cast<Index>(*tail - head_);
    }

    bool empty() {
        auto n = size();
        return n && *n == 0;
    }

    // A copy of the oldest slot, taken off the queue.
    Result<Slot> pop() {
        auto filled = size();
        if (!filled) return filled.error();
        if (*filled == 0) return RingError::empty;
        const Slot slot = Slot::read_shared(slots_[head_ & (capacity_ - 1)]);
        head_ = static_cast<Index>(head_ + 1);
        detail::store_release(*head_shared_, head_);
        return slot;
    }

    std::uint32_t capacity() const { return capacity_; }
    Index head() const { return head_; }

  private:
    Consumer(Index* head, Index* tail, Slot* slots, std::uint32_t capacity)
        : head_shared_(head), tail_shared_(tail), slots_(slots), capacity_(capacity) {}

    // The peer's tail may only advance, and never more than a capacity ahead of our head.
    Result<Index> refresh_tail() {
        const Index tail = detail::load_acquire(*tail_shared_);
        const auto filled_before = static_cast<Index>(tail_seen_ - head_);
        const auto filled_now = static_cast<Index>(tail - head_);
        if (filled_now > capacity_ || filled_now < filled_before) return RingError::peer_index;
        tail_seen_ = tail;
        return tail;
    }

    Index* head_shared_ = nullptr;
    const Index* tail_shared_ = nullptr;
    const Slot* slots_ = nullptr;
    std::uint32_t capacity_ = 0;
    Index head_ = 0;
    Index tail_seen_ = 0;
};

} // namespace sel4::rings
