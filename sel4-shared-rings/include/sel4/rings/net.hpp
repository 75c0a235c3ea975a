// sDDF's network queues (0.6.0 layout), byte for byte: each direction has a free queue (empty
// buffers going back to whoever fills them) and an active queue (filled buffers going to whoever
// reads them). A queue is a header {u16 tail, u16 head, u32 consumer_signalled} followed by
// `capacity` 16-byte slots {u64 io_or_offset, u16 len}; capacity is a power of two.
//
// consumer_signalled: the consumer clears it when it wants a notification for the next buffer
// (and then looks at the queue once more); a producer that finds it clear sets it and notifies.
// So a busy consumer costs its producer no notifications.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include <sel4/rings/spsc.hpp>

namespace sel4::rings::net {

// The size of one buffer in a client's data region (sDDF's NET_BUFFER_SIZE).
inline constexpr std::size_t buffer_size = 2048;

struct Buffer {
    std::uint64_t io_or_offset; // offset in the data region (or a device address, for a driver)
    std::uint16_t len;          // bytes of data in the buffer

    static Buffer read_shared(const Buffer& s) {
        return {detail::load_relaxed(s.io_or_offset), detail::load_relaxed(s.len)};
    }
    static void write_shared(Buffer& s, const Buffer& b) {
        detail::store_relaxed(s.io_or_offset, b.io_or_offset);
        detail::store_relaxed(s.len, b.len);
    }
    friend bool operator==(const Buffer&, const Buffer&) = default;
};
static_assert(sizeof(Buffer) == 16 && alignof(Buffer) == 8);
static_assert(offsetof(Buffer, io_or_offset) == 0 && offsetof(Buffer, len) == 8);

struct QueueHeader {
    std::uint16_t tail;
    std::uint16_t head;
    std::uint32_t consumer_signalled;
};
static_assert(sizeof(QueueHeader) == 8);
static_assert(offsetof(QueueHeader, tail) == 0 && offsetof(QueueHeader, head) == 2 &&
              offsetof(QueueHeader, consumer_signalled) == 4);

// The slots start right after the header.
inline constexpr std::size_t slots_offset = 8;
constexpr std::size_t queue_bytes(std::uint32_t capacity) {
    return slots_offset + sizeof(Buffer) * capacity;
}

// One queue in shared memory.
class Queue {
  public:
    Queue() = default;
    // `bytes` is the size of the memory the queue lives in.
    static Result<Queue> at(void* memory, std::size_t bytes, std::uint32_t capacity) {
        if (!Producer<std::uint16_t, Buffer>::valid_capacity(capacity) ||
            bytes < queue_bytes(capacity) ||
            reinterpret_cast<std::uintptr_t>(memory) % alignof(Buffer) != 0)
            return RingError::bad_layout;
        return Queue{static_cast<QueueHeader*>(memory), capacity};
    }
    // Empties the queue (before either side uses it).
    void reset() const {
        detail::store_relaxed(header_->tail, std::uint16_t{0});
        detail::store_relaxed(header_->head, std::uint16_t{0});
        detail::store_release(header_->consumer_signalled, std::uint32_t{0});
    }
    QueueHeader* header() const { return header_; }
    Buffer* slots() const {
        return reinterpret_cast<Buffer*>(reinterpret_cast<std::byte*>(header_) + slots_offset);
    }
    std::uint32_t capacity() const { return capacity_; }

  private:
    Queue(QueueHeader* header, std::uint32_t capacity) : header_(header), capacity_(capacity) {}
    QueueHeader* header_ = nullptr;
    std::uint32_t capacity_ = 0;
};

// Where the buffers named in a queue may lie: `base` is the first buffer's io_or_offset (0 for
// offsets, the region's device address for a driver), `size` the data region's size. A buffer
// must start on a buffer_size boundary and lie wholly inside; its length must fit.
struct BufferBounds {
    std::uint64_t base = 0;
    std::uint64_t size = 0;

    Result<Buffer> check(Buffer buffer) const {
        if (buffer.io_or_offset < base) return RingError::bad_offset;
        const std::uint64_t offset = buffer.io_or_offset - base;
        if (offset % buffer_size != 0 || offset >= size || size - offset < buffer_size)
            return RingError::bad_offset;
        if (buffer.len > buffer_size) return RingError::bad_length;
        return buffer;
    }
    std::uint32_t buffer_count() const { return static_cast<std::uint32_t>(size / buffer_size); }
};

// The producing side of a queue.
class QueueProducer {
  public:
    QueueProducer() = default;
    static Result<QueueProducer> attach(Queue queue) {
        auto core = Producer<std::uint16_t, Buffer>::attach(
            &queue.header()->head, &queue.header()->tail, queue.slots(), queue.capacity());
        if (!core) return core.error();
        return QueueProducer{queue, *core};
    }

    Result<void> push(Buffer buffer) { return core_.push(buffer); }
    Result<std::uint32_t> space() { return core_.space(); }

    // True when the consumer asked to be notified; the flag is then set, so the caller must
    // notify. Call after pushing.
    [[nodiscard]] bool take_signal_request() {
        std::atomic_thread_fence(std::memory_order_seq_cst);
        std::uint32_t& flag = queue_.header()->consumer_signalled;
        if (detail::load_relaxed(flag) != 0) return false;
        detail::store_relaxed(flag, std::uint32_t{1});
        return true;
    }

  private:
    QueueProducer(Queue queue, Producer<std::uint16_t, Buffer> core) : queue_(queue), core_(core) {}
    Queue queue_;
    Producer<std::uint16_t, Buffer> core_;
};

// The consuming side of a queue: every buffer taken off is checked against the bounds.
class QueueConsumer {
  public:
    QueueConsumer() = default;
    static Result<QueueConsumer> attach(Queue queue, BufferBounds bounds) {
        auto core = Consumer<std::uint16_t, Buffer>::attach(
            &queue.header()->head, &queue.header()->tail, queue.slots(), queue.capacity());
        if (!core) return core.error();
        return QueueConsumer{queue, *core, bounds};
    }

    // The oldest buffer; bad_offset or bad_length when the peer named a buffer outside the
    // bounds (it is taken off the queue all the same, and must not be used).
    Result<Buffer> pop() {
        auto buffer = core_.pop();
        if (!buffer) return buffer.error();
        return bounds_.check(*buffer);
    }
    Result<std::uint32_t> size() { return core_.size(); }
    bool empty() { return core_.empty(); }

    // Ask the producer for a notification at its next push. Afterwards look at the queue once
    // more: a buffer pushed just before the request came without one.
    void request_signal() {
        detail::store_relaxed(queue_.header()->consumer_signalled, std::uint32_t{0});
        std::atomic_thread_fence(std::memory_order_seq_cst);
    }
    // No notification needed (the consumer is busy anyway).
    void cancel_signal() {
        detail::store_relaxed(queue_.header()->consumer_signalled, std::uint32_t{1});
    }
    const BufferBounds& bounds() const { return bounds_; }

  private:
    QueueConsumer(Queue queue, Consumer<std::uint16_t, Buffer> core, BufferBounds bounds)
        : queue_(queue), core_(core), bounds_(bounds) {}
    Queue queue_;
    Consumer<std::uint16_t, Buffer> core_;
    BufferBounds bounds_;
};

} // namespace sel4::rings::net
