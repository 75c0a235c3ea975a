// A fixed-size message built from text and numbers: the fatal path's formatter, which needs
// neither printf nor the heap (so that every image, however small, can report what went wrong).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sel4::runtime {

template <std::size_t Capacity = 256>
class Message {
  public:
    Message& operator<<(std::string_view text) {
        for (char c : text)
            put(c);
        return *this;
    }
    Message& operator<<(const char* text) { return *this << std::string_view(text ? text : "?"); }
    Message& operator<<(char c) {
        put(c);
        return *this;
    }
    Message& operator<<(unsigned long long value) { return number(value, 10); }
    Message& operator<<(unsigned long value) { return number(value, 10); }
    Message& operator<<(unsigned value) { return number(value, 10); }
    Message& operator<<(long long value) {
        if (value < 0) {
            put('-');
            // -(value + 1) + 1 avoids overflowing at the most negative value.
            return number(static_cast<unsigned long long>(-(value + 1)) + 1, 10);
        }
        return number(static_cast<unsigned long long>(value), 10);
    }
    Message& operator<<(long value) { return *this << static_cast<long long>(value); }
    Message& operator<<(int value) { return *this << static_cast<long long>(value); }

    // 0x-prefixed hexadecimal.
    Message& hex(unsigned long long value) {
        put('0');
        put('x');
        return number(value, 16);
    }

    std::string_view view() const { return {text_, length_}; }
    const char* c_str() {
        text_[length_] = '\0';
        return text_;
    }

  private:
    void put(char c) {
        if (length_ < Capacity) text_[length_++] = c;
    }
    Message& number(unsigned long long value, unsigned base) {
        char digits[24];
        int n = 0;
        do {
            digits[n++] = "0123456789abcdef"[value % base];
            value /= base;
        } while (value);
        while (n)
            put(digits[--n]);
        return *this;
    }

    char text_[Capacity + 1];
    std::size_t length_ = 0;
};

} // namespace sel4::runtime
