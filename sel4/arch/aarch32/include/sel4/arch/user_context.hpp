#pragma once
#include <sel4/sys.hpp>
namespace sel4::arch {
// The registers a new thread starts with: entry, stack, first argument, thread pointer (TLS,
// TPIDRURO, which GCC's code reads). The kernel starts threads in ARM state (it clears CPSR.T),
// so the entry must be ARM code, as everything the aarch32 toolchain file builds is (-marm).
inline void set_entry(seL4_UserContext& context, seL4_Word pc, seL4_Word sp, seL4_Word argument,
                      seL4_Word thread_pointer) {
    context.pc = pc;
    context.sp = sp;
    context.r0 = argument;
    context.tpidruro = thread_pointer;
}
} // namespace sel4::arch
