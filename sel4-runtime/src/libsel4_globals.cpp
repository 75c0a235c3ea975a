#include <sel4/runtime/runtime.hpp>
#include <sel4/sys.hpp>

#include "internal.hpp"

// libsel4's IPC buffer pointer (thread-local unless libsel4 is configured otherwise, as the
// Microkit SDK does), and its error-printing switch.
// Older libsel4 (the Microkit 2.0 SDK) declares it __thread without the macro.
#ifndef LIBSEL4_THREAD_LOCAL
#define LIBSEL4_THREAD_LOCAL __thread
#endif
LIBSEL4_THREAD_LOCAL seL4_IPCBuffer* __sel4_ipc_buffer;
#ifdef CONFIG_KERNEL_INVOCATION_REPORT_ERROR_IPC
LIBSEL4_THREAD_LOCAL char __sel4_print_error;
#endif
