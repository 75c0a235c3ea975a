#pragma once
#include <sel4/sys.hpp>

// The image's global pointer, which linker relaxation makes code depend on.
extern "C" char __global_pointer$[];

namespace sel4::arch {
// The registers a new thread starts with: entry, stack, first argument, thread pointer (TLS),
// and gp.
inline void set_entry(seL4_UserContext& context, seL4_Word pc, seL4_Word sp, seL4_Word argument,
                      seL4_Word thread_pointer) {
    context.pc = pc;
    context.sp = sp;
    context.a0 = argument;
    context.gp = reinterpret_cast<seL4_Word>(__global_pointer$);
    context.tp = thread_pointer;
}
} // namespace sel4::arch
