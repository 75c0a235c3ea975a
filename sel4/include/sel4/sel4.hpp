// The seL4 C++ API: typed capabilities with every invocation of the configured kernel as a
// method, results that must be checked, the kernel's configuration as constexpr values.
#pragma once

#include <sel4/cap.hpp>
#include <sel4/config.hpp>
#include <sel4/error.hpp>
#include <sel4/gen/invocations.hpp>
#include <sel4/gen/syscalls.hpp>
#include <sel4/message.hpp>
#include <sel4/objects.hpp>

namespace sel4 {

// The initial thread's capabilities, at the slots the kernel puts them.
namespace init_thread {
inline constexpr cap::Tcb tcb{seL4_CapInitThreadTCB};
inline constexpr cap::CNode cnode{seL4_CapInitThreadCNode};
inline constexpr cap::VSpace vspace{seL4_CapInitThreadVSpace};
inline constexpr cap::IrqControl irq_control{seL4_CapIRQControl};
}  // namespace init_thread

// A slot of the initial thread's CSpace, addressed absolutely (full word depth).
inline constexpr seL4_Uint8 word_bits = seL4_WordBits;

}  // namespace sel4
