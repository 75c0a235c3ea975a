// What a ring operation gives back: a value, or why there is none. The peer on the other side
// of a shared ring is not trusted, so most errors name something it wrote.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

namespace sel4::rings {

enum class RingError : std::uint8_t {
    empty,      // nothing to take
    full,       // no room to put
    peer_index, // the peer's head or tail is impossible (ahead of ours, or went back)
    bad_offset, // a buffer offset or address outside the shared data region
    bad_length, // a length or count larger than its buffer or the device
    bad_id,     // a response to a request that is not outstanding
    bad_code,   // an unknown request code or response status
    bad_layout, // capacity not a power of two, or the region too small for the queue
};

constexpr std::string_view describe(RingError error) {
    switch (error) {
    case RingError::empty:
        return "queue empty";
    case RingError::full:
        return "queue full";
    case RingError::peer_index:
        return "peer wrote an impossible queue index";
    case RingError::bad_offset:
        return "peer gave a buffer outside the shared region";
    case RingError::bad_length:
        return "peer gave a length beyond its buffer";
    case RingError::bad_id:
        return "peer answered a request that is not outstanding";
    case RingError::bad_code:
        return "peer wrote an unknown code";
    case RingError::bad_layout:
        return "queue capacity or region size unusable";
    }
    return "unknown ring error";
}

// A value or an error (a RingError unless said otherwise); ignoring it is a compile-time
// warning. Asking for the value of an error traps: check first.
template <class T, class E = RingError>
class [[nodiscard]] Result {
  public:
    constexpr Result(T value) : value_(std::move(value)), ok_(true) {}
    constexpr Result(E error) : value_{}, error_(error), ok_(false) {}

    constexpr bool has_value() const { return ok_; }
    constexpr explicit operator bool() const { return ok_; }
    constexpr E error() const { return error_; }
    constexpr const T& value() const {
        if (!ok_) __builtin_trap();
        return value_;
    }
    constexpr const T& operator*() const { return value(); }
    constexpr const T* operator->() const { return &value(); }

  private:
    T value_;
    E error_{};
    bool ok_;
};

template <class E>
class [[nodiscard]] Result<void, E> {
  public:
    constexpr Result() = default;
    constexpr Result(E error) : error_(error), ok_(false) {}
    constexpr bool has_value() const { return ok_; }
    constexpr explicit operator bool() const { return ok_; }
    constexpr E error() const { return error_; }

  private:
    E error_{};
    bool ok_ = true;
};

} // namespace sel4::rings
