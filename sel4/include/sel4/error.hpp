// The kernel's error codes as a value, and Result<T>: a value or an Error, never ignored.
#pragma once

#include <sel4/runtime/runtime.hpp>
#include <sel4/sys.hpp>

#include <new>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sel4 {

enum class Error : int {
    ok = seL4_NoError,
    invalid_argument = seL4_InvalidArgument,
    invalid_capability = seL4_InvalidCapability,
    illegal_operation = seL4_IllegalOperation,
    range_error = seL4_RangeError,
    alignment_error = seL4_AlignmentError,
    failed_lookup = seL4_FailedLookup,
    truncated_message = seL4_TruncatedMessage,
    delete_first = seL4_DeleteFirst,
    revoke_first = seL4_RevokeFirst,
    not_enough_memory = seL4_NotEnoughMemory,
};

constexpr std::string_view describe(Error error) {
    switch (error) {
    case Error::ok:
        return "no error";
    case Error::invalid_argument:
        return "invalid argument";
    case Error::invalid_capability:
        return "invalid capability";
    case Error::illegal_operation:
        return "illegal operation";
    case Error::range_error:
        return "range error";
    case Error::alignment_error:
        return "alignment error";
    case Error::failed_lookup:
        return "failed lookup";
    case Error::truncated_message:
        return "truncated message";
    case Error::delete_first:
        return "delete first";
    case Error::revoke_first:
        return "revoke first";
    case Error::not_enough_memory:
        return "not enough memory";
    }
    return "unknown error";
}

template <class T>
class [[nodiscard]] Result {
  public:
    constexpr Result(T value) : error_(Error::ok), value_(std::move(value)) {}
    constexpr Result(Error error) : error_(error), value_{} {}

    constexpr bool ok() const { return error_ == Error::ok; }
    constexpr explicit operator bool() const { return ok(); }
    constexpr Error error() const { return error_; }

    // The value; asking for it after an error stops the program with the error.
    constexpr const T& value() const& {
        if (!ok()) runtime::fatal(describe(error_));
        return value_;
    }
    constexpr T&& value() && {
        if (!ok()) runtime::fatal(describe(error_));
        return std::move(value_);
    }
    constexpr const T& operator*() const& { return value(); }
    constexpr const T* operator->() const { return &value(); }
    constexpr T value_or(T fallback) const { return ok() ? value_ : fallback; }

  private:
    Error error_;
    T value_;
};

template <>
class [[nodiscard]] Result<void> {
  public:
    constexpr Result() = default;
    constexpr Result(Error error) : error_(error) {}
    constexpr bool ok() const { return error_ == Error::ok; }
    constexpr explicit operator bool() const { return ok(); }
    constexpr Error error() const { return error_; }
    // Stops the program if this is an error (for code where an error is a bug).
    constexpr void value() const {
        if (!ok()) runtime::fatal(describe(error_));
    }

  private:
    Error error_ = Error::ok;
};

namespace detail {
constexpr Error to_error(int code) {
    return static_cast<Error>(code);
}
} // namespace detail

} // namespace sel4
