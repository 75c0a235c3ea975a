// Blueprints of kernel objects: what retype needs to make one (its type and size_bits), how
// much untyped memory it takes, and the capability type it yields. After rust-sel4's
// ObjectBlueprint and Genode's per-object creation policies, as C++ types:
//
//     const auto ep = untyped.retype(sel4::object::Endpoint{}, slot);   // Result<cap::Endpoint>
//     const auto cnode = untyped.retype(sel4::object::CNode{.size_bits = 6}, slot);
//
// The architecture's own objects (pages, page tables, VSpace roots) are in
// sel4/arch/objects.hpp, in the same namespace.
#pragma once

#include <cstdint>

#include <sel4/blueprint.hpp>
#include <sel4/gen/invocations.hpp>
#include <sel4/gen/syscalls.hpp>
#include <sel4/objects.hpp>

namespace sel4::object {

// Objects of one fixed size.
template <class Tag, seL4_Word Type, unsigned Bits>
struct Fixed {
    using cap_type = Cap<Tag>;
    static constexpr seL4_Word type = Type;
    static constexpr seL4_Word size_bits = 0;
    static constexpr unsigned object_bits() { return Bits; }
};

struct Endpoint : Fixed<tag::Endpoint, seL4_EndpointObject, seL4_EndpointBits> {};
struct Notification : Fixed<tag::Notification, seL4_NotificationObject, seL4_NotificationBits> {};
struct Tcb : Fixed<tag::Tcb, seL4_TCBObject, seL4_TCBBits> {};

// A CNode of 2^size_bits slots.
struct CNode {
    using cap_type = cap::CNode;
    static constexpr seL4_Word type = seL4_CapTableObject;
    seL4_Word size_bits;
    constexpr unsigned object_bits() const {
        return static_cast<unsigned>(size_bits) + seL4_SlotBits;
    }
};

// 2^size_bits bytes of untyped memory, to retype further.
struct Untyped {
    using cap_type = cap::Untyped;
    static constexpr seL4_Word type = seL4_UntypedObject;
    seL4_Word size_bits;
    constexpr unsigned object_bits() const { return static_cast<unsigned>(size_bits); }
};

// The blueprint a capability type is made from when no size is given:
// object::default_for<cap::Endpoint> is object::Endpoint.
template <class CapType>
struct DefaultBlueprint;
template <>
struct DefaultBlueprint<cap::Endpoint> {
    using type = Endpoint;
};
template <>
struct DefaultBlueprint<cap::Notification> {
    using type = Notification;
};
template <>
struct DefaultBlueprint<cap::Tcb> {
    using type = Tcb;
};
#ifdef CONFIG_KERNEL_MCS
// MCS kernels only: reply objects and scheduling contexts.
struct Reply : Fixed<tag::Reply, seL4_ReplyObject, seL4_ReplyBits> {};
// A scheduling context of 2^size_bits bytes (MCS kernels only; more bytes hold more refills).
struct SchedContext {
    using cap_type = cap::SchedContext;
    static constexpr seL4_Word type = seL4_SchedContextObject;
    seL4_Word size_bits = seL4_MinSchedContextBits;
    constexpr unsigned object_bits() const { return static_cast<unsigned>(size_bits); }
};
template <>
struct DefaultBlueprint<cap::Reply> {
    using type = Reply;
};
template <>
struct DefaultBlueprint<cap::SchedContext> {
    using type = SchedContext;
};
#endif

template <class CapType>
using default_for = typename DefaultBlueprint<CapType>::type;

} // namespace sel4::object

#include <sel4/arch/objects.hpp>

namespace sel4::object {
template <>
struct DefaultBlueprint<cap::Page> {
    using type = Page;
};
template <>
struct DefaultBlueprint<cap::PageTable> {
    using type = PageTable;
};
template <>
struct DefaultBlueprint<cap::VSpace> {
    using type = VSpace;
};
} // namespace sel4::object
