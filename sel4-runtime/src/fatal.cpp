// The one way out for everything that goes wrong: failed assertions (libsel4's and the C
// library's), abort(), exit(), sel4::panic. It formats with sel4::runtime::Message (no printf,
// no heap), so that it costs little in images that use neither. The backtrace needs the
// unwinder, which only images that use exceptions link: it comes with the terminate handler
// (terminate.cpp), referenced weakly here, and the fatal path prints none without it.
#include <sel4/runtime/message.hpp>
#include <sel4/runtime/runtime.hpp>

#include "internal.hpp"

extern "C" [[gnu::weak]] void sel4_runtime_write_backtrace(void);

namespace sel4::runtime {
namespace {

bool in_fatal = false;

void begin_report(std::string_view message) {
    if (in_fatal) {
        debug_write("sel4-runtime: fatal error while reporting a fatal error\n");
        sel4_runtime_stop_current_thread();
    }
    in_fatal = true;
    debug_write("sel4-runtime: fatal: ");
    debug_write(message);
    debug_write("\n");
}

[[noreturn]] void end_report() {
    if (sel4_runtime_write_backtrace) sel4_runtime_write_backtrace();
    sel4_runtime_stop_current_thread();
}

} // namespace

void fatal(std::string_view message) noexcept {
    begin_report(message);
    end_report();
}

void fatal(std::string_view message, const std::source_location& where) noexcept {
    begin_report(message);
    Message<> location;
    location << "  at " << where.file_name() << ':' << where.line();
    if (*where.function_name()) location << " in " << where.function_name();
    location << '\n';
    debug_write(location.view());
    end_report();
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
