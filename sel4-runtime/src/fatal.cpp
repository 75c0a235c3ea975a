// The one way out for everything that goes wrong: failed assertions (libsel4's and the C
// library's), abort(), exit(), sel4::panic. It formats with sel4::runtime::Message (no printf,
// no heap), so that it costs little in images that use neither. The backtrace needs the
// unwinder, which only images that use exceptions link: it is referenced weakly, and the fatal
// path prints none without it.
#include <unwind.h>

#include <sel4/runtime/message.hpp>
#include <sel4/runtime/runtime.hpp>

#include "internal.hpp"

extern "C" {
[[gnu::weak]] _Unwind_Reason_Code _Unwind_Backtrace(_Unwind_Trace_Fn, void*);
[[gnu::weak]] _Unwind_Ptr _Unwind_GetIP(_Unwind_Context*);
}

namespace sel4::runtime {
namespace {

bool in_fatal = false;

struct BacktraceState {
    int frames = 0;
    Message<16 * 20 + 16> text;
};

_Unwind_Reason_Code backtrace_frame(_Unwind_Context* context, void* argument) {
    auto* state = static_cast<BacktraceState*>(argument);
    const auto ip = _Unwind_GetIP(context);
    if (!ip || state->frames == 16) return _URC_END_OF_STACK;
    state->text << (state->frames++ ? " " : "  backtrace: ");
    state->text.hex(ip);
    return _URC_NO_REASON;
}

[[noreturn]] void report_and_stop(std::string_view message, const std::source_location* where) {
    if (in_fatal) {
        debug_write("sel4-runtime: fatal error while reporting a fatal error\n");
        sel4_runtime_stop_current_thread();
    }
    in_fatal = true;
    debug_write("sel4-runtime: fatal: ");
    debug_write(message);
    debug_write("\n");
    if (where) {
        Message<> location;
        location << "  at " << where->file_name() << ':' << where->line();
        if (*where->function_name()) location << " in " << where->function_name();
        location << '\n';
        debug_write(location.view());
    }
    if (_Unwind_Backtrace && _Unwind_GetIP) {
        BacktraceState state;
        _Unwind_Backtrace(backtrace_frame, &state);
        if (state.frames) {
            state.text << '\n';
            debug_write(state.text.view());
        }
    }
    sel4_runtime_stop_current_thread();
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
        Message<48> message;
        message << "exit status " << status;
        fatal(message.view());
    }
    sel4_runtime_stop_current_thread();
}

} // namespace sel4::runtime

void sel4::panic(std::string_view message, const std::source_location& where) noexcept {
    sel4::runtime::fatal(message, where);
}

namespace {
[[noreturn]] void assertion_failed(const char* expression, const char* file, int line,
                                   const char* function) {
    sel4::runtime::Message<> message;
    message << "assertion failed: " << expression << "\n  at " << file << ':' << line << " in "
            << function;
    sel4::runtime::fatal(message.view());
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
