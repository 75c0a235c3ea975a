// The kernel's error codes as a value, and Result<T>: a value or an Error, never ignored.
#pragma once

#include <sel4/runtime/runtime.hpp>
#include <sel4/sys.hpp>

#include <functional>
#include <memory>
#include <new>
#include <source_location>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sel4 {

// The kernel's errors (seL4_Error), and the SDK's own after them.
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
    // Beyond the kernel's: the SDK's own allocators.
    no_free_slot = seL4_NumErrors,
};

// The error in words, for messages.
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
    case Error::no_free_slot:
        return "no free slot";
    }
    return "unknown error";
}

// Result<T>: a T or an Error, with std::expected's interface (has_value, value, value_or,
// error, and_then, transform, or_else, transform_error). Our own type rather than
// std::expected<T, Error> because g++ 12's <expected> has no monadic operations, because
// value() here names the caller's file and line when it stops the program (no exception to
// catch), and because Error::ok cannot be stored as an error (as zx::result refuses ZX_OK).
template <class T>
class Result;

namespace detail {
template <class R>
struct is_result : std::false_type {};
template <class U>
struct is_result<Result<U>> : std::true_type {};

[[noreturn]] inline void bad_access(Error error, const std::source_location& where) noexcept {
    runtime::fatal(describe(error), where);
}
[[noreturn]] inline void ok_as_error(const std::source_location& where) noexcept {
    runtime::fatal("Error::ok stored in a Result as an error", where);
}
} // namespace detail

template <class T>
class [[nodiscard]] Result {
    static_assert(!std::is_reference_v<T> && !std::is_same_v<std::remove_cv_t<T>, Error>,
                  "Result<T> holds an object that is not an Error");

  public:
    using value_type = T;     // what it holds when there is no error
    using error_type = Error; // what it holds otherwise

    // A value (copied, moved, or constructed from something convertible).
    constexpr Result(const T& value) : error_(Error::ok) { std::construct_at(&value_, value); }
    constexpr Result(T&& value) : error_(Error::ok) {
        std::construct_at(&value_, std::move(value));
    }
    template <class U>
    requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, T> &&
             !std::is_same_v<std::remove_cvref_t<U>, Error> &&
             !detail::is_result<
                 std::remove_cvref_t<U>>::value) constexpr explicit(!std::is_convertible_v<U&&, T>)
        Result(U&& value)
        : error_(Error::ok) {
        std::construct_at(&value_, std::forward<U>(value));
    }
    // An error; Error::ok stops the program (it would be a result with neither value nor error).
    constexpr Result(Error error,
                     const std::source_location& where = std::source_location::current())
        : error_(error) {
        if (error == Error::ok) detail::ok_as_error(where);
    }

    // Copies and moves, as of the value.
    constexpr Result(const Result& other) : error_(other.error_) {
        if (has_value()) std::construct_at(&value_, other.value_);
    }
    constexpr Result(Result&& other) noexcept(std::is_nothrow_move_constructible_v<T>)
        : error_(other.error_) {
        if (has_value()) std::construct_at(&value_, std::move(other.value_));
    }
    constexpr Result& operator=(const Result& other) {
        if (this != &other) {
            reset();
            error_ = other.error_;
            if (has_value()) std::construct_at(&value_, other.value_);
        }
        return *this;
    }
    constexpr Result& operator=(Result&& other) noexcept(std::is_nothrow_move_constructible_v<T>) {
        if (this != &other) {
            reset();
            error_ = other.error_;
            if (has_value()) std::construct_at(&value_, std::move(other.value_));
        }
        return *this;
    }
    constexpr ~Result() { reset(); }

    // Whether it holds a value (ok() and bool say the same).
    constexpr bool has_value() const noexcept { return error_ == Error::ok; }
    constexpr bool ok() const noexcept { return has_value(); }
    constexpr explicit operator bool() const noexcept { return has_value(); }
    // Error::ok when this holds a value.
    constexpr Error error() const noexcept { return error_; }

    // The value; asked of an error, stops the program naming the error and the caller.
    constexpr T& value(const std::source_location& where = std::source_location::current()) & {
        if (!has_value()) detail::bad_access(error_, where);
        return value_;
    }
    constexpr const T&
    value(const std::source_location& where = std::source_location::current()) const& {
        if (!has_value()) detail::bad_access(error_, where);
        return value_;
    }
    constexpr T&& value(const std::source_location& where = std::source_location::current()) && {
        if (!has_value()) detail::bad_access(error_, where);
        return std::move(value_);
    }
    // Unchecked, as std::expected's.
    constexpr T& operator*() & noexcept { return value_; }
    constexpr const T& operator*() const& noexcept { return value_; }
    constexpr T&& operator*() && noexcept { return std::move(value_); }
    constexpr T* operator->() noexcept { return &value_; }
    constexpr const T* operator->() const noexcept { return &value_; }

    // The value, or fallback when this is an error.
    template <class U>
    constexpr T value_or(U&& fallback) const& {
        return has_value() ? value_ : static_cast<T>(std::forward<U>(fallback));
    }
    template <class U>
    constexpr T value_or(U&& fallback) && {
        return has_value() ? std::move(value_) : static_cast<T>(std::forward<U>(fallback));
    }

    // f(value) -> Result<U>: chained when this holds a value, the error passed on otherwise.
    template <class F>
    constexpr auto and_then(F&& f) const& {
        using R = std::remove_cvref_t<std::invoke_result_t<F, const T&>>;
        static_assert(detail::is_result<R>::value, "and_then's function returns a Result");
        return has_value() ? std::invoke(std::forward<F>(f), value_) : R(error_);
    }
    template <class F>
    constexpr auto and_then(F&& f) && {
        using R = std::remove_cvref_t<std::invoke_result_t<F, T&&>>;
        static_assert(detail::is_result<R>::value, "and_then's function returns a Result");
        return has_value() ? std::invoke(std::forward<F>(f), std::move(value_)) : R(error_);
    }
    // f(value) -> U: a Result<U> of it, or the error.
    template <class F>
    constexpr auto transform(F&& f) const& {
        using U = std::remove_cv_t<std::invoke_result_t<F, const T&>>;
        if (!has_value()) return Result<U>(error_);
        if constexpr (std::is_void_v<U>) {
            std::invoke(std::forward<F>(f), value_);
            return Result<void>();
        } else {
            return Result<U>(std::invoke(std::forward<F>(f), value_));
        }
    }
    // f(error) -> Result<T>: a recovery, called only for an error.
    template <class F>
    constexpr Result or_else(F&& f) const& {
        return has_value() ? *this : Result(std::invoke(std::forward<F>(f), error_));
    }
    // f(error) -> Error: another error (which must not be Error::ok).
    template <class F>
    constexpr Result transform_error(F&& f) const& {
        return has_value() ? *this : Result(std::invoke(std::forward<F>(f), error_));
    }

  private:
    constexpr void reset() {
        if (has_value()) std::destroy_at(&value_);
    }
    Error error_;
    union {
        T value_;
    };
};

// Success or an Error, for operations that return nothing else.
template <>
class [[nodiscard]] Result<void> {
  public:
    using value_type = void;  // nothing, when there is no error
    using error_type = Error; // what it holds otherwise

    // Success, or an error (Error::ok stops the program: it is not an error).
    constexpr Result() noexcept = default;
    constexpr Result(Error error,
                     const std::source_location& where = std::source_location::current())
        : error_(error) {
        if (error == Error::ok) detail::ok_as_error(where);
    }

    // Whether it succeeded (ok() and bool say the same).
    constexpr bool has_value() const noexcept { return error_ == Error::ok; }
    constexpr bool ok() const noexcept { return has_value(); }
    constexpr explicit operator bool() const noexcept { return has_value(); }
    // Error::ok on success.
    constexpr Error error() const noexcept { return error_; }
    // Stops the program, naming the error and the caller, if this is an error (for code where
    // an error is a bug).
    constexpr void
    value(const std::source_location& where = std::source_location::current()) const {
        if (!has_value()) detail::bad_access(error_, where);
    }
    constexpr void operator*() const noexcept {}

    // f() -> Result<U>, called on success.
    template <class F>
    constexpr auto and_then(F&& f) const {
        using R = std::remove_cvref_t<std::invoke_result_t<F>>;
        static_assert(detail::is_result<R>::value, "and_then's function returns a Result");
        return has_value() ? std::invoke(std::forward<F>(f)) : R(error_);
    }
    // f() -> U: a Result<U> of it on success.
    template <class F>
    constexpr auto transform(F&& f) const {
        using U = std::remove_cv_t<std::invoke_result_t<F>>;
        if (!has_value()) return Result<U>(error_);
        if constexpr (std::is_void_v<U>) {
            std::invoke(std::forward<F>(f));
            return Result<void>();
        } else {
            return Result<U>(std::invoke(std::forward<F>(f)));
        }
    }
    // f(error) -> Result<void>: a recovery, called only for an error.
    template <class F>
    constexpr Result or_else(F&& f) const {
        return has_value() ? *this : Result(std::invoke(std::forward<F>(f), error_));
    }
    // f(error) -> Error: another error.
    template <class F>
    constexpr Result transform_error(F&& f) const {
        return has_value() ? *this : Result(std::invoke(std::forward<F>(f), error_));
    }

  private:
    Error error_ = Error::ok;
};

namespace detail {
constexpr Error to_error(int code) {
    return static_cast<Error>(code);
}
// A libsel4 status as a Result<void>: success for seL4_NoError.
constexpr Result<void> to_result(int code) {
    if (code == seL4_NoError) return {};
    return Result<void>(static_cast<Error>(code));
}
} // namespace detail

} // namespace sel4
