// The one way out for everything that goes wrong: failed assertions (libsel4's and the C
// library's), abort(), exit(), std::terminate (uncaught exceptions), sel4::panic.
#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <exception>
#include <typeinfo>
#include <unwind.h>

#include <sel4/runtime/runtime.hpp>

namespace sel4::runtime {
namespace {

constexpr std::string_view prefix = "sel4-runtime: fatal: ";
bool in_fatal = false;

void write_number(std::uintmax_t value, unsigned base) noexcept {
    char digits[24];
    int n = 0;
    do {
        digits[n++] = "0123456789abcdef"[value % base];
        value /= base;
    } while (value);
    char text[26];
    int length = 0;
    if (base == 16) {
        text[length++] = '0';
        text[length++] = 'x';
    }
    while (n)
        text[length++] = digits[--n];
    debug_write({text, static_cast<std::size_t>(length)});
}

struct BacktraceState {
    int frames = 0;
};

_Unwind_Reason_Code backtrace_frame(_Unwind_Context* context, void* argument) {
    auto* state = static_cast<BacktraceState*>(argument);
    const auto ip = _Unwind_GetIP(context);
    if (!ip || state->frames == 16) return _URC_END_OF_STACK;
    debug_write(state->frames++ ? " " : "  backtrace: ");
    write_number(ip, 16);
    return _URC_NO_REASON;
}

[[noreturn]] void report_and_stop(std::string_view message, const std::source_location* where) {
    if (in_fatal) {
        debug_write("sel4-runtime: fatal error while reporting a fatal error\n");
        sel4_runtime_stop_current_thread();
    }
    in_fatal = true;
    debug_write(prefix);
    debug_write(message);
    debug_write("\n");
    if (where) {
        debug_write("  at ");
        debug_write(where->file_name());
        debug_write(":");
        write_number(where->line(), 10);
        if (*where->function_name()) {
            debug_write(" in ");
            debug_write(where->function_name());
        }
        debug_write("\n");
    }
    BacktraceState state;
    _Unwind_Backtrace(backtrace_frame, &state);
    if (state.frames) debug_write("\n");
    sel4_runtime_stop_current_thread();
}

[[noreturn]] void on_terminate() noexcept {
    char message[256];
    const std::type_info* type = abi::__cxa_current_exception_type();
    if (!type) fatal("std::terminate called without an active exception");
    int status = 0;
    char* demangled = abi::__cxa_demangle(type->name(), nullptr, nullptr, &status);
    const char* type_name = status == 0 && demangled ? demangled : type->name();
    const char* what = nullptr;
    try {
        throw;
    } catch (const std::exception& e) {
        what = e.what();
    } catch (...) {
    }
    if (what)
        std::snprintf(message, sizeof message, "uncaught exception of type %s: %s", type_name,
                      what);
    else
        std::snprintf(message, sizeof message, "uncaught exception of type %s", type_name);
    fatal(message);
}

} // namespace

void fatal(std::string_view message) noexcept {
    report_and_stop(message, nullptr);
}

void fatal(std::string_view message, const std::source_location& where) noexcept {
    report_and_stop(message, &where);
}

void exit(int status) noexcept {
    if (status != 0) {
        char message[48];
        std::snprintf(message, sizeof message, "exit status %d", status);
        fatal(message);
    }
    sel4_runtime_stop_current_thread();
}

void install_terminate_handler() noexcept {
    std::set_terminate(on_terminate);
}

} // namespace sel4::runtime

void sel4::panic(std::string_view message, const std::source_location& where) noexcept {
    sel4::runtime::fatal(message, where);
}

namespace {
[[noreturn]] void assertion_failed(const char* expression, const char* file, int line,
                                   const char* function) {
    char message[256];
    std::snprintf(message, sizeof message, "assertion failed: %s\n  at %s:%d in %s", expression,
                  file, line, function ? function : "?");
    sel4::runtime::fatal(message);
}
} // namespace

extern "C" {

// glibc's name, used by libsel4's generated code in debug kernels.
[[noreturn]] void __assert_fail(const char* expression, const char* file, unsigned int line,
                                const char* function) {
    assertion_failed(expression, file, static_cast<int>(line), function);
}

// newlib's and picolibc's name, used by <assert.h>.
[[noreturn]] void __assert_func(const char* file, int line, const char* function,
                                const char* expression) {
    assertion_failed(expression, file, line, function);
}

[[noreturn]] void abort(void) {
    sel4::runtime::fatal("abort() called");
}

[[noreturn]] void _exit(int status) {
    sel4::runtime::exit(status);
}
}
