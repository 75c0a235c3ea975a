#pragma once
#include <sel4/sys.hpp>
namespace sel4::arch {
// The registers a new thread starts with: entry, stack, first argument, thread pointer (TLS,
// TPIDRURO, which GCC's code reads). The entry runs in the state its address says: bit 0 set
// is Thumb (the kernel sets CPSR.T from it only through cpsr, so both are set here).
inline void set_entry(seL4_UserContext& context, seL4_Word pc, seL4_Word sp, seL4_Word argument,
                      seL4_Word thread_pointer) {
    constexpr seL4_Word user_mode = 0x10, thumb = 1u << 5;
    context.pc = pc & ~seL4_Word{1};
    context.cpsr = user_mode | ((pc & 1) ? thumb : 0);
    context.sp = sp;
    context.r0 = argument;
    context.tpidruro = thread_pointer;
}
} // namespace sel4::arch
