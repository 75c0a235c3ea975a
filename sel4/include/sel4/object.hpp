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
#include <type_traits>

#include <sel4/blueprint.hpp>
#include <sel4/gen/invocations.hpp>
#include <sel4/gen/syscalls.hpp>
#include <sel4/objects.hpp>

namespace sel4::object {

// Objects of one fixed size.
template <class Tag, seL4_Word Type, unsigned Bits>
struct Fixed {
    using cap_type = Cap<Tag>;                // what retyping one yields
    static constexpr seL4_Word type = Type;   // the kernel's object type
    static constexpr seL4_Word size_bits = 0; // what retype takes: nothing for fixed sizes
    // log 2 of its bytes
    static constexpr unsigned object_bits() { return Bits; }
};

// Endpoints, notifications and TCBs.
struct Endpoint : Fixed<tag::Endpoint, seL4_EndpointObject, seL4_EndpointBits> {};
struct Notification : Fixed<tag::Notification, seL4_NotificationObject, seL4_NotificationBits> {};
struct Tcb : Fixed<tag::Tcb, seL4_TCBObject, seL4_TCBBits> {};

// A CNode of 2^size_bits slots.
struct CNode {
    using cap_type = cap::CNode;                           // what retyping one yields
    static constexpr seL4_Word type = seL4_CapTableObject; // the kernel's object type
    seL4_Word size_bits;                                   // log 2 of its slots
    // log 2 of its bytes
    constexpr unsigned object_bits() const {
        return static_cast<unsigned>(size_bits) + seL4_SlotBits;
    }
};

// 2^size_bits bytes of untyped memory, to retype further.
struct Untyped {
    using cap_type = cap::Untyped;                        // what retyping one yields
    static constexpr seL4_Word type = seL4_UntypedObject; // the kernel's object type
    seL4_Word size_bits;                                  // log 2 of its bytes
    // log 2 of its bytes
    constexpr unsigned object_bits() const { return static_cast<unsigned>(size_bits); }
};

#ifdef CONFIG_KERNEL_MCS
// MCS kernels only: reply objects.
struct Reply : Fixed<tag::Reply, seL4_ReplyObject, seL4_ReplyBits> {};
// A scheduling context of 2^size_bits bytes (MCS kernels only; more bytes hold more refills).
struct SchedContext {
    using cap_type = cap::SchedContext;                        // what retyping one yields
    static constexpr seL4_Word type = seL4_SchedContextObject; // the kernel's object type
    seL4_Word size_bits = seL4_MinSchedContextBits;            // log 2 of its bytes
    // log 2 of its bytes
    constexpr unsigned object_bits() const { return static_cast<unsigned>(size_bits); }
};
#endif

} // namespace sel4::object

#include <sel4/arch/objects.hpp>

namespace sel4::object {

namespace detail {
// The blueprint each capability type of one size comes from.
template <class C>
constexpr auto default_blueprint() {
#ifdef CONFIG_KERNEL_MCS
    if constexpr (std::is_same_v<C, cap::Reply>)
        return Reply{};
    else if constexpr (std::is_same_v<C, cap::SchedContext>)
        return SchedContext{};
    else
#endif
        if constexpr (std::is_same_v<C, cap::Endpoint>)
        return Endpoint{};
    else if constexpr (std::is_same_v<C, cap::Notification>)
        return Notification{};
    else if constexpr (std::is_same_v<C, cap::Tcb>)
        return Tcb{};
    else if constexpr (std::is_same_v<C, cap::Page>)
        return Page{};
    else if constexpr (std::is_same_v<C, cap::PageTable>)
        return PageTable{};
    else if constexpr (std::is_same_v<C, cap::VSpace>)
        return VSpace{};
    else
        static_assert(sizeof(C) == 0,
                      "this capability type has no size-less blueprint: use create()");
}
} // namespace detail

// The blueprint a capability type is made from when no size is given:
// object::default_for<cap::Endpoint> is object::Endpoint.
template <class CapType>
using default_for = decltype(detail::default_blueprint<CapType>());

} // namespace sel4::object
