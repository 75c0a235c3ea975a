// Uncaught exceptions: the terminate handler names the exception's type and what(). It is
// libsupc++'s own handler variable, defined here so that the linker takes ours instead of its
// verbose handler. This archive member comes into images whose code including
// <sel4/runtime/runtime.hpp> is built with exceptions (sel4_runtime_exception_support); the
// others pay neither for it nor for the demangler. Nothing installs it at start.
#include <cxxabi.h>
#include <exception>
#include <typeinfo>
#include <unwind.h>

#include <sel4/runtime/message.hpp>
#include <sel4/runtime/runtime.hpp>

namespace {

struct BacktraceState {
    int frames = 0;
    sel4::runtime::Message<16 * 20 + 16> text;
};

_Unwind_Reason_Code backtrace_frame(_Unwind_Context* context, void* argument) {
    auto* state = static_cast<BacktraceState*>(argument);
    const auto ip = _Unwind_GetIP(context);
    if (!ip || state->frames == 16) return _URC_END_OF_STACK;
    state->text << (state->frames++ ? " " : "  backtrace: ");
    state->text.hex(ip);
    return _URC_NO_REASON;
}

[[noreturn]] void on_terminate() noexcept {
    const std::type_info* type = abi::__cxa_current_exception_type();
    if (!type) sel4::runtime::fatal("std::terminate called without an active exception");
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
    sel4::runtime::Message<> message;
    message << "uncaught exception of type " << type_name;
    if (what) message << ": " << what;
    sel4::runtime::fatal(message.view());
}

} // namespace

extern "C" const char sel4_runtime_exception_support = 1;

// For the fatal path: the unwinder is here anyway.
extern "C" void sel4_runtime_write_backtrace(void) {
    BacktraceState state;
    _Unwind_Backtrace(backtrace_frame, &state);
    if (state.frames) {
        state.text << '\n';
        sel4::runtime::debug_write(state.text.view());
    }
}

namespace __cxxabiv1 {
std::terminate_handler __terminate_handler = on_terminate;
}
