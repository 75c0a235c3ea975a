// The seL4 C++ API: typed capabilities with every invocation of the configured kernel as a
// method, results that must be checked, the kernel's configuration as constexpr values.
#pragma once

#include <sel4/cap.hpp>
#include <sel4/cap_type_ids.hpp>
#include <sel4/config.hpp>
#include <sel4/error.hpp>
#include <sel4/gen/invocations.hpp>
#include <sel4/gen/syscalls.hpp>
#include <sel4/message.hpp>
#include <sel4/objects.hpp>

#include <cstdint>

namespace sel4 {

// The initial thread's capabilities, at the slots the kernel puts them.
namespace init_thread {
inline constexpr cap::Tcb tcb{seL4_CapInitThreadTCB};
inline constexpr cap::CNode cnode{seL4_CapInitThreadCNode};
inline constexpr cap::VSpace vspace{seL4_CapInitThreadVSpace};
inline constexpr cap::IrqControl irq_control{seL4_CapIRQControl};
} // namespace init_thread

// Resolving a slot of the initial thread's CSpace takes a full word of the CPtr.
inline constexpr seL4_Uint8 word_bits = seL4_WordBits;

// A slot addressed from the initial thread's CNode, as CNode operations want it.
constexpr AbsoluteCPtr slot_of(seL4_CPtr cptr) {
    return {seL4_CapInitThreadCNode, cptr, word_bits};
}

// CNode operations between two absolutely addressed slots (the CNode methods with the
// addresses spelled out).
inline Result<void> copy(AbsoluteCPtr destination, AbsoluteCPtr source, seL4_CapRights_t rights) {
    return cap::CNode(destination.root)
        .copy(destination.path, destination.depth, cap::CNode(source.root), source.path,
              source.depth, rights);
}
inline Result<void> mint(AbsoluteCPtr destination, AbsoluteCPtr source, seL4_CapRights_t rights,
                         seL4_Word badge) {
    return cap::CNode(destination.root)
        .mint(destination.path, destination.depth, cap::CNode(source.root), source.path,
              source.depth, rights, badge);
}
inline Result<void> move(AbsoluteCPtr destination, AbsoluteCPtr source) {
    return cap::CNode(destination.root)
        .move(destination.path, destination.depth, cap::CNode(source.root), source.path,
              source.depth);
}
inline Result<void> delete_slot(AbsoluteCPtr slot) {
    return cap::CNode(slot.root).delete_(slot.path, slot.depth);
}
inline Result<void> revoke(AbsoluteCPtr slot) {
    return cap::CNode(slot.root).revoke(slot.path, slot.depth);
}

// Kernel object types that every configuration has, with the size_bits retype wants (0 for
// fixed-size objects; the CNode's is its number of slots, log 2).
namespace object {
inline constexpr seL4_Word untyped = seL4_UntypedObject;
inline constexpr seL4_Word tcb = seL4_TCBObject;
inline constexpr seL4_Word endpoint = seL4_EndpointObject;
inline constexpr seL4_Word notification = seL4_NotificationObject;
inline constexpr seL4_Word cnode = seL4_CapTableObject;
// Bytes an object of the type takes in untyped memory.
constexpr std::uint64_t size_in_bytes(seL4_Word type, seL4_Word size_bits) {
    switch (type) {
    case seL4_TCBObject:
        return std::uint64_t{1} << seL4_TCBBits;
    case seL4_EndpointObject:
        return std::uint64_t{1} << seL4_EndpointBits;
    case seL4_NotificationObject:
        return std::uint64_t{1} << seL4_NotificationBits;
    case seL4_CapTableObject:
        return std::uint64_t{1} << (size_bits + seL4_SlotBits);
    default:
        return std::uint64_t{1} << size_bits;
    }
}
} // namespace object

} // namespace sel4
