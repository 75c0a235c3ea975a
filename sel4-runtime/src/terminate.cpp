// Uncaught exceptions: the terminate handler names the exception's type and what(). It is
// libsupc++'s own handler variable, defined here so that the linker takes ours instead of its
// verbose handler; only images whose code can reach std::terminate (those that use exceptions)
// keep it, with the demangler it needs. Nothing installs it at start.
#include <cxxabi.h>
#include <exception>
#include <typeinfo>

#include <sel4/runtime/message.hpp>
#include <sel4/runtime/runtime.hpp>

namespace {

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

namespace __cxxabiv1 {
std::terminate_handler __terminate_handler = on_terminate;
}
