// Logging with levels and a sink per image (the kernel's debug console by default), formatted
// with std::format's placeholders (sel4/format.hpp: g++ 12's libstdc++ has no <format>):
//
//     sel4::log::info("mapped {} pages at {:#x}", count, address);
//     sel4::log::set_level(sel4::log::Level::debug);
//     sel4::log::set_sink([](sel4::log::Level, std::string_view line) { uart.write(line); });
//
// Each message is formatted into a buffer on the caller's stack (longer ones are cut, marked
// with "..."), prefixed with its level, and handed to the sink whole, so that lines from
// several threads do not interleave within a line.
#pragma once

#include <atomic>
#include <cstddef>
#include <string_view>

#include <sel4/format.hpp>
#include <sel4/runtime/runtime.hpp>

namespace sel4::log {

// How much a message matters, most first.
enum class Level { error, warning, info, debug, trace };

// "error", "warning", ...
constexpr std::string_view level_name(Level level) {
    constexpr std::string_view names[] = {"error", "warning", "info", "debug", "trace"};
    return names[static_cast<int>(level)];
}

// Receives one formatted line (with its newline).
using Sink = void (*)(Level level, std::string_view line);

namespace detail {
inline void console_sink(Level, std::string_view line) {
    runtime::debug_write(line);
}
inline std::atomic<Sink> sink{&console_sink};
inline std::atomic<Level> threshold{Level::info};
inline constexpr std::size_t line_capacity = 256;

template <class... Args>
void write(Level level, fmt::format_string<Args...> format, const Args&... args) {
    if (level > threshold.load(std::memory_order_relaxed)) return;
    char line[line_capacity];
    const std::size_t room = line_capacity - 4; // for "...\n"
    fmt::Output out(line, room);
    out.put('[');
    out.put(level_name(level));
    out.put("] ");
    fmt::format_to(out, format, args...);
    std::size_t length = out.written();
    if (out.size() > room)
        for (const char c : {'.', '.', '.'})
            line[length++] = c;
    line[length++] = '\n';
    sink.load(std::memory_order_acquire)(level, std::string_view(line, length));
}
} // namespace detail

// Messages above this level are dropped (default: info).
inline void set_level(Level level) {
    detail::threshold.store(level, std::memory_order_relaxed);
}
inline Level level() {
    return detail::threshold.load(std::memory_order_relaxed);
}
// Where lines go; nullptr restores the debug console.
inline void set_sink(Sink sink) {
    detail::sink.store(sink ? sink : &detail::console_sink, std::memory_order_release);
}

// A message at each level.
template <class... Args>
void error(fmt::format_string<Args...> format, const Args&... args) {
    detail::write(Level::error, format, args...);
}
template <class... Args>
void warning(fmt::format_string<Args...> format, const Args&... args) {
    detail::write(Level::warning, format, args...);
}
template <class... Args>
void info(fmt::format_string<Args...> format, const Args&... args) {
    detail::write(Level::info, format, args...);
}
template <class... Args>
void debug(fmt::format_string<Args...> format, const Args&... args) {
    detail::write(Level::debug, format, args...);
}
template <class... Args>
void trace(fmt::format_string<Args...> format, const Args&... args) {
    detail::write(Level::trace, format, args...);
}

} // namespace sel4::log
