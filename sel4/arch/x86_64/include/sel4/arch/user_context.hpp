#pragma once
#include <sel4/sys.hpp>
namespace sel4::arch {
// The registers a new thread starts with: entry, stack (as after a call: 8 mod 16), first
// argument, thread pointer (TLS).
inline void set_entry(seL4_UserContext& context, seL4_Word pc, seL4_Word sp, seL4_Word argument,
                      seL4_Word thread_pointer) {
    context.rip = pc;
    context.rsp = sp - 8;
    context.rdi = argument;
    context.fs_base = thread_pointer;
}
} // namespace sel4::arch
