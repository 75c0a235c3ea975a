// sDDF's block queues (0.6.0 layout), byte for byte: a request queue {u32 head, u32 tail,
// bool plugged, 32-byte requests from offset 16}, a response queue {u32 head, u32 tail,
// 12-byte responses from offset 8}, and a storage-information page the driver fills and then
// marks ready. Block numbers and counts are in transfer blocks of 4096 bytes; offsets are into
// the client's data region. Capacities are powers of two.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include <sel4/rings/spsc.hpp>

namespace sel4::rings::blk {

inline constexpr std::size_t transfer_size = 4096;
inline constexpr std::size_t storage_info_region_size = 0x1000;

enum class RequestCode : std::uint32_t { read = 0, write = 1, flush = 2, barrier = 3 };
enum class Status : std::uint32_t {
    ok = 0,
    error_unspecified = 1,
    invalid_parameter = 2,
    io_error = 3,
    no_device = 4,
};

struct Request {
    RequestCode code;
    std::uint64_t io_or_offset; // offset of the data in the client's data region
    std::uint64_t block_number; // first transfer block
    std::uint16_t count;        // transfer blocks
    std::uint32_t id;           // the client's, returned in the response

    static Request read_shared(const Request& s) {
        return {detail::load_relaxed(s.code), detail::load_relaxed(s.io_or_offset),
                detail::load_relaxed(s.block_number), detail::load_relaxed(s.count),
                detail::load_relaxed(s.id)};
    }
    static void write_shared(Request& s, const Request& r) {
        detail::store_relaxed(s.code, r.code);
        detail::store_relaxed(s.io_or_offset, r.io_or_offset);
        detail::store_relaxed(s.block_number, r.block_number);
        detail::store_relaxed(s.count, r.count);
        detail::store_relaxed(s.id, r.id);
    }
};
static_assert(sizeof(Request) == 32 && alignof(Request) == 8);
static_assert(offsetof(Request, code) == 0 && offsetof(Request, io_or_offset) == 8 &&
              offsetof(Request, block_number) == 16 && offsetof(Request, count) == 24 &&
              offsetof(Request, id) == 28);

struct Response {
    Status status;
    std::uint16_t success_count; // transfer blocks done
    std::uint32_t id;

    static Response read_shared(const Response& s) {
        return {detail::load_relaxed(s.status), detail::load_relaxed(s.success_count),
                detail::load_relaxed(s.id)};
    }
    static void write_shared(Response& s, const Response& r) {
        detail::store_relaxed(s.status, r.status);
        detail::store_relaxed(s.success_count, r.success_count);
        detail::store_relaxed(s.id, r.id);
    }
};
static_assert(sizeof(Response) == 12 && alignof(Response) == 4);
static_assert(offsetof(Response, status) == 0 && offsetof(Response, success_count) == 4 &&
              offsetof(Response, id) == 8);

struct RequestQueueHeader {
    std::uint32_t head;
    std::uint32_t tail;
    bool plugged; // the client holds requests back while set
};
inline constexpr std::size_t request_slots_offset = 16;
static_assert(offsetof(RequestQueueHeader, head) == 0 && offsetof(RequestQueueHeader, tail) == 4 &&
              offsetof(RequestQueueHeader, plugged) == 8);

struct ResponseQueueHeader {
    std::uint32_t head;
    std::uint32_t tail;
};
inline constexpr std::size_t response_slots_offset = 8;
static_assert(sizeof(ResponseQueueHeader) == 8);

constexpr std::size_t request_queue_bytes(std::uint32_t capacity) {
    return request_slots_offset + sizeof(Request) * capacity;
}
constexpr std::size_t response_queue_bytes(std::uint32_t capacity) {
    return response_slots_offset + sizeof(Response) * capacity;
}

struct StorageInfo {
    char serial_number[64];
    bool read_only;
    bool ready; // set last, with release ordering
    std::uint16_t sector_size;
    std::uint16_t block_size; // in transfer blocks
    std::uint16_t queue_depth;
    std::uint16_t cylinders, heads, blocks;
    std::uint64_t capacity; // in transfer blocks
};
static_assert(sizeof(StorageInfo) == 88 && sizeof(StorageInfo) <= storage_info_region_size);
static_assert(offsetof(StorageInfo, read_only) == 64 && offsetof(StorageInfo, ready) == 65 &&
              offsetof(StorageInfo, sector_size) == 66 && offsetof(StorageInfo, block_size) == 68 &&
              offsetof(StorageInfo, queue_depth) == 70 && offsetof(StorageInfo, cylinders) == 72 &&
              offsetof(StorageInfo, heads) == 74 && offsetof(StorageInfo, blocks) == 76 &&
              offsetof(StorageInfo, capacity) == 80);

// The driver's side of the storage page: fill it, then publish.
inline void publish_storage_info(StorageInfo& shared, const StorageInfo& info) {
    StorageInfo copy = info;
    copy.ready = false;
    std::copy_n(reinterpret_cast<const volatile std::byte*>(&copy), sizeof copy,
                reinterpret_cast<volatile std::byte*>(&shared));
    detail::store_release(shared.ready, true);
}

// What the client may rely on, read once: nullopt until the driver marked it ready; a device
// with a zero block size or sector size is not accepted.
inline std::optional<StorageInfo> read_storage_info(const StorageInfo& shared) {
    if (!detail::load_acquire(shared.ready)) return std::nullopt;
    StorageInfo copy;
    std::copy_n(reinterpret_cast<const volatile std::byte*>(&shared), sizeof copy,
                reinterpret_cast<std::byte*>(&copy));
    copy.serial_number[sizeof copy.serial_number - 1] = '\0';
    if (copy.block_size == 0 || copy.sector_size == 0) return std::nullopt;
    return copy;
}

// Where a request may point: its data within the client's data region, its blocks within the
// device, and no writes to a read-only device.
struct RequestBounds {
    std::uint64_t data_size = 0;       // bytes of the client's data region
    std::uint64_t capacity_blocks = 0; // transfer blocks of the device
    bool read_only = false;

    Result<void> check(const Request& request) const {
        switch (request.code) {
        case RequestCode::read:
        case RequestCode::write:
            break;
        case RequestCode::flush:
        case RequestCode::barrier:
            return {};
        default:
            return RingError::bad_code;
        }
        if (request.code == RequestCode::write && read_only) return RingError::bad_code;
        if (request.count == 0) return RingError::bad_length;
        const std::uint64_t bytes = std::uint64_t{request.count} * transfer_size;
        if (request.io_or_offset >= data_size || data_size - request.io_or_offset < bytes)
            return RingError::bad_offset;
        if (request.block_number >= capacity_blocks ||
            capacity_blocks - request.block_number < request.count)
            return RingError::bad_length;
        return {};
    }
};

// A request taken off the queue and what its check found; `request` is a copy. A request that
// failed its check still deserves a response (invalid_parameter) with its id.
struct [[nodiscard]] CheckedRequest {
    Request request;
    Result<void> verdict;
    bool ok() const { return verdict.has_value(); }
};

class RequestQueue {
  public:
    RequestQueue() = default;
    static Result<RequestQueue> at(void* memory, std::size_t bytes, std::uint32_t capacity) {
        if (!Producer<std::uint32_t, Request>::valid_capacity(capacity) ||
            bytes < request_queue_bytes(capacity) ||
            reinterpret_cast<std::uintptr_t>(memory) % alignof(Request) != 0)
            return RingError::bad_layout;
        return RequestQueue{static_cast<RequestQueueHeader*>(memory), capacity};
    }
    void reset() const {
        detail::store_relaxed(header_->head, std::uint32_t{0});
        detail::store_relaxed(header_->tail, std::uint32_t{0});
        detail::store_release(header_->plugged, false);
    }
    RequestQueueHeader* header() const { return header_; }
    Request* slots() const {
        return reinterpret_cast<Request*>(reinterpret_cast<std::byte*>(header_) +
                                          request_slots_offset);
    }
    std::uint32_t capacity() const { return capacity_; }

  private:
    RequestQueue(RequestQueueHeader* header, std::uint32_t capacity)
        : header_(header), capacity_(capacity) {}
    RequestQueueHeader* header_ = nullptr;
    std::uint32_t capacity_ = 0;
};

class ResponseQueue {
  public:
    ResponseQueue() = default;
    static Result<ResponseQueue> at(void* memory, std::size_t bytes, std::uint32_t capacity) {
        if (!Producer<std::uint32_t, Response>::valid_capacity(capacity) ||
            bytes < response_queue_bytes(capacity) ||
            reinterpret_cast<std::uintptr_t>(memory) % alignof(Response) != 0)
            return RingError::bad_layout;
        return ResponseQueue{static_cast<ResponseQueueHeader*>(memory), capacity};
    }
    void reset() const {
        detail::store_relaxed(header_->head, std::uint32_t{0});
        detail::store_release(header_->tail, std::uint32_t{0});
    }
    ResponseQueueHeader* header() const { return header_; }
    Response* slots() const {
        return reinterpret_cast<Response*>(reinterpret_cast<std::byte*>(header_) +
                                           response_slots_offset);
    }
    std::uint32_t capacity() const { return capacity_; }

  private:
    ResponseQueue(ResponseQueueHeader* header, std::uint32_t capacity)
        : header_(header), capacity_(capacity) {}
    ResponseQueueHeader* header_ = nullptr;
    std::uint32_t capacity_ = 0;
};

// The request ids a client has outstanding (at most N): a response with any other id is the
// driver lying, and is refused.
template <std::size_t N>
class IdTable {
  public:
    std::optional<std::uint32_t> allocate() {
        for (std::uint32_t i = 0; i < N; ++i) {
            const std::uint32_t id = (next_ + i) % N;
            if (!used_[id]) {
                used_[id] = true;
                next_ = (id + 1) % N;
                return id;
            }
        }
        return std::nullopt;
    }
    Result<void> release(std::uint32_t id) {
        if (id >= N || !used_[id]) return RingError::bad_id;
        used_[id] = false;
        return {};
    }
    bool outstanding(std::uint32_t id) const { return id < N && used_[id]; }

  private:
    std::array<bool, N> used_{};
    std::uint32_t next_ = 0;
};

// The client: requests out, responses in.
class Client {
  public:
    Client() = default;
    static Result<Client> attach(RequestQueue requests, ResponseQueue responses) {
        auto out = Producer<std::uint32_t, Request>::attach(&requests.header()->head,
                                                            &requests.header()->tail,
                                                            requests.slots(), requests.capacity());
        if (!out) return out.error();
        auto in = Consumer<std::uint32_t, Response>::attach(
            &responses.header()->head, &responses.header()->tail, responses.slots(),
            responses.capacity());
        if (!in) return in.error();
        return Client{requests, *out, *in};
    }
    Result<void> push(const Request& request) { return requests_.push(request); }
    // The next response; bad_code when its status is unknown.
    Result<Response> pop() {
        auto response = responses_.pop();
        if (!response) return response.error();
        if (static_cast<std::uint32_t>(response->status) > 4) return RingError::bad_code;
        return response;
    }
    Result<std::uint32_t> space() { return requests_.space(); }
    void plug() { detail::store_release(queue_.header()->plugged, true); }
    void unplug() { detail::store_release(queue_.header()->plugged, false); }

  private:
    Client(RequestQueue queue, Producer<std::uint32_t, Request> out,
           Consumer<std::uint32_t, Response> in)
        : queue_(queue), requests_(out), responses_(in) {}
    RequestQueue queue_;
    Producer<std::uint32_t, Request> requests_;
    Consumer<std::uint32_t, Response> responses_;
};

// The driver: requests in (each checked against the bounds), responses out.
class Server {
  public:
    Server() = default;
    static Result<Server> attach(RequestQueue requests, ResponseQueue responses,
                                 RequestBounds bounds) {
        auto in = Consumer<std::uint32_t, Request>::attach(&requests.header()->head,
                                                           &requests.header()->tail,
                                                           requests.slots(), requests.capacity());
        if (!in) return in.error();
        auto out = Producer<std::uint32_t, Response>::attach(
            &responses.header()->head, &responses.header()->tail, responses.slots(),
            responses.capacity());
        if (!out) return out.error();
        return Server{requests, *in, *out, bounds};
    }
    // Nothing to take while the client has the queue plugged.
    Result<CheckedRequest> pop() {
        if (detail::load_acquire(queue_.header()->plugged)) return RingError::empty;
        auto request = requests_.pop();
        if (!request) return request.error();
        return CheckedRequest{*request, bounds_.check(*request)};
    }
    Result<void> push(const Response& response) { return responses_.push(response); }
    Result<std::uint32_t> space() { return responses_.space(); }
    void set_bounds(RequestBounds bounds) { bounds_ = bounds; }

  private:
    Server(RequestQueue queue, Consumer<std::uint32_t, Request> in,
           Producer<std::uint32_t, Response> out, RequestBounds bounds)
        : queue_(queue), requests_(in), responses_(out), bounds_(bounds) {}
    RequestQueue queue_;
    Consumer<std::uint32_t, Request> requests_;
    Producer<std::uint32_t, Response> responses_;
    RequestBounds bounds_;
};

} // namespace sel4::rings::blk
