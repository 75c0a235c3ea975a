// A small formatter with std::format's placeholders ("{}", "{:#x}", "{:08x}", "{:>6}", "{{"),
// for toolchains whose libstdc++ has no <format> (g++ 12). The number of placeholders is
// checked against the arguments at compile time. Integers, bool, characters, strings,
// pointers, enumerations and floating point (through snprintf's %g) are formatted; output goes
// to a fixed buffer and is cut where it is full.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdio>
#include <string_view>
#include <type_traits>

namespace sel4::fmt {

namespace detail {
consteval std::size_t count_placeholders(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            if (i + 1 < text.size() && text[i + 1] == '{') {
                ++i;
                continue;
            }
            const auto close = text.find('}', i);
            if (close == std::string_view::npos) throw "sel4::fmt: '{' without '}'";
            ++count;
            i = close;
        } else if (text[i] == '}') {
            if (i + 1 < text.size() && text[i + 1] == '}')
                ++i;
            else
                throw "sel4::fmt: '}' without '{' (write '}}')";
        }
    }
    return count;
}
} // namespace detail

namespace detail {
// A format string whose placeholders match Args (checked when it is constructed).
template <class... Args>
struct BasicFormatString {
    std::string_view text; // the format string
    // Checks the placeholders against Args (at compile time).
    template <class S>
    requires std::convertible_to<const S&, std::string_view>
    consteval BasicFormatString(const S& s) : text(s) {
        if (detail::count_placeholders(text) != sizeof...(Args))
            throw "sel4::fmt: the number of {} placeholders differs from the arguments";
    }
};
} // namespace detail

// A format string for these arguments: a string literal whose {} placeholders the compiler counts.
template <class... Args>
using format_string = detail::BasicFormatString<std::type_identity_t<Args>...>;

// Where formatted text goes: a buffer, cut when full; size() is what it would have taken.
class Output {
  public:
    Output(char* buffer, std::size_t capacity) : buffer_(buffer), capacity_(capacity) {}
    void put(char c) {
        if (length_ < capacity_) buffer_[length_] = c;
        ++length_;
    }
    void put(std::string_view text) {
        for (const char c : text)
            put(c);
    }
    std::size_t size() const { return length_; }
    std::size_t written() const { return length_ < capacity_ ? length_ : capacity_; }

  private:
    char* buffer_;
    std::size_t capacity_;
    std::size_t length_ = 0;
};

// One placeholder's options: [[fill]align][#][0][width][type].
struct Spec {
    char fill = ' ';        // the padding character
    char align = 0;         // '<', '>', '^' or 0 (numbers right, text left)
    char type = 0;          // 'x', 'X', 'b', 'o', 'd', 'p' or 0
    bool alternate = false; // '#': a 0x, 0b or 0o prefix
    bool zero = false;      // '0': pad numbers with zeros after the prefix
    unsigned width = 0;     // the minimum width
};

namespace detail {

inline Spec parse_spec(std::string_view text) {
    Spec spec;
    std::size_t i = 0;
    if (text.size() >= 2 && (text[1] == '<' || text[1] == '>' || text[1] == '^'))
        spec.fill = text[0], spec.align = text[1], i = 2;
    else if (!text.empty() && (text[0] == '<' || text[0] == '>' || text[0] == '^'))
        spec.align = text[0], i = 1;
    if (i < text.size() && text[i] == '#') spec.alternate = true, ++i;
    if (i < text.size() && text[i] == '0') spec.zero = true, ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
        spec.width = spec.width * 10 + static_cast<unsigned>(text[i++] - '0');
    if (i < text.size()) spec.type = text[i];
    return spec;
}

inline void padded(Output& out, const Spec& spec, std::string_view prefix, std::string_view body,
                   bool numeric) {
    const std::size_t length = prefix.size() + body.size();
    const std::size_t pad = spec.width > length ? spec.width - length : 0;
    if (numeric && spec.zero && !spec.align) {
        out.put(prefix);
        for (std::size_t i = 0; i < pad; ++i)
            out.put('0');
        out.put(body);
        return;
    }
    const char align = spec.align ? spec.align : (numeric ? '>' : '<');
    const std::size_t before = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    for (std::size_t i = 0; i < before; ++i)
        out.put(spec.fill);
    out.put(prefix);
    out.put(body);
    for (std::size_t i = before; i < pad; ++i)
        out.put(spec.fill);
}

inline void format_unsigned(Output& out, const Spec& spec, unsigned long long value,
                            bool negative) {
    const unsigned base = spec.type == 'x' || spec.type == 'X' || spec.type == 'p' ? 16
                          : spec.type == 'b'                                       ? 2
                          : spec.type == 'o'                                       ? 8
                                                                                   : 10;
    const char* digits = spec.type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    char text[64];
    std::size_t at = sizeof text;
    do {
        text[--at] = digits[value % base];
        value /= base;
    } while (value);
    char prefix[3] = {};
    std::size_t prefix_length = 0;
    if (negative) prefix[prefix_length++] = '-';
    if ((spec.alternate || spec.type == 'p') && base != 10) {
        prefix[prefix_length++] = '0';
        prefix[prefix_length++] = base == 16  ? (spec.type == 'X' ? 'X' : 'x')
                                  : base == 2 ? 'b'
                                              : 'o';
    }
    padded(out, spec, std::string_view(prefix, prefix_length),
           std::string_view(text + at, sizeof text - at), true);
}

template <class T>
void format_value(Output& out, const Spec& spec, const T& value) {
    using U = std::remove_cvref_t<T>;
    if constexpr (std::is_same_v<U, bool>) {
        padded(out, spec, {}, value ? "true" : "false", false);
    } else if constexpr (std::is_same_v<U, char>) {
        padded(out, spec, {}, std::string_view(&value, 1), false);
    } else if constexpr (std::is_enum_v<U>) {
        format_value(out, spec, static_cast<std::underlying_type_t<U>>(value));
    } else if constexpr (std::is_integral_v<U>) {
        if constexpr (std::is_signed_v<U>) {
            const bool negative = value < 0;
            const auto magnitude = negative ? 0ull - static_cast<unsigned long long>(value)
                                            : static_cast<unsigned long long>(value);
            format_unsigned(out, spec, magnitude, negative);
        } else {
            format_unsigned(out, spec, value, false);
        }
    } else if constexpr (std::is_floating_point_v<U>) {
        char text[48];
        const int n = std::snprintf(text, sizeof text, "%g", static_cast<double>(value));
        padded(out, spec, {}, std::string_view(text, n > 0 ? static_cast<std::size_t>(n) : 0),
               true);
    } else if constexpr (std::is_convertible_v<const U&, std::string_view>) {
        padded(out, spec, {}, std::string_view(value), false);
    } else if constexpr (std::is_pointer_v<U>) {
        Spec pointer = spec;
        pointer.type = 'p';
        format_unsigned(out, pointer, reinterpret_cast<unsigned long long>(value), false);
    } else {
        static_assert(sizeof(U) == 0, "sel4::fmt cannot format this type");
    }
}

template <class T>
void format_nth(Output& out, const Spec& spec, std::size_t wanted, std::size_t index,
                const T& value) {
    if (wanted == index) format_value(out, spec, value);
}

} // namespace detail

// Formats into out.
template <class... Args>
void format_to(Output& out, format_string<Args...> format, const Args&... args) {
    const std::string_view text = format.text;
    std::size_t argument = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            out.put(c);
            ++i;
        } else if (c == '{') {
            const auto close = text.find('}', i);
            auto inside = text.substr(i + 1, close - i - 1);
            if (!inside.empty() && inside[0] == ':') inside.remove_prefix(1);
            [[maybe_unused]] const Spec spec = detail::parse_spec(inside);
            std::size_t index = 0;
            (detail::format_nth(out, spec, argument, index++, args), ...);
            ++argument;
            i = close;
        } else {
            out.put(c);
        }
    }
}

// Formats into buffer (not terminated); returns the length written.
template <class... Args>
std::size_t format_to_n(char* buffer, std::size_t capacity, format_string<Args...> format,
                        const Args&... args) {
    Output out(buffer, capacity);
    format_to(out, format, args...);
    return out.written();
}

} // namespace sel4::fmt
