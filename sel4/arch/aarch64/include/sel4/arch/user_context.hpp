#pragma once
#include <sel4/sys.hpp>
namespace sel4::arch {
// The registers a new thread starts with: entry, stack, first argument, thread pointer (TLS).
inline void set_entry(seL4_UserContext& context, seL4_Word pc, seL4_Word sp, seL4_Word argument,
                      seL4_Word thread_pointer) {
    context.pc = pc;
    context.sp = sp;
    context.x0 = argument;
    context.tpidr_el0 = thread_pointer;
}
} // namespace sel4::arch
