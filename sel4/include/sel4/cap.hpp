// Typed capabilities: sel4::Cap<Tag> over a CPtr, with the kernel object's invocations as
// methods (generated from the kernel's interface definitions into sel4/gen/invocations.hpp).
#pragma once

#include <sel4/runtime/runtime.hpp>
#include <sel4/sys.hpp>

#include <source_location>

namespace sel4 {

// A capability pointer of no particular type: what the kernel calls seL4_CPtr.
struct CPtr {
    seL4_CPtr value = 0; // the kernel's value
    // The null CPtr.
    constexpr CPtr() = default;
    // A raw one.
    constexpr CPtr(seL4_CPtr raw) : value(raw) {}
};

namespace detail {
struct CapStorage {
    seL4_CPtr cptr_ = 0;
};
// Hand-written methods of a capability type beside the generated ones (untyped.retype with a
// blueprint, in sel4/object.hpp); the generated CapMethods derive from it.
template <class Tag>
struct CapExtensions : CapStorage {};
} // namespace detail

// The kernel's number for a kind of capability, as seL4_DebugCapIdentify reports it
// (sel4/cap_type_ids.hpp and its per-architecture part); -1 where there is none to check.
template <class Tag>
inline constexpr int cap_type_id = -1;

namespace detail {
// Stops the program if the slot holds a capability of another kind (debug kernels only).
inline void check_cast([[maybe_unused]] seL4_CPtr cptr, [[maybe_unused]] int expected,
                       [[maybe_unused]] const std::source_location& where) {
#ifdef CONFIG_DEBUG_BUILD
    if (expected < 0 || cptr == 0) return;
    const auto found = static_cast<int>(seL4_DebugCapIdentify(cptr));
    if (found != 0 && found != expected)
        runtime::fatal("Cap::cast: the slot holds another kind of capability", where);
#endif
}
} // namespace detail

// Specialised per object type by the generated code; the default is for object types without
// invocations.
template <class Tag>
struct CapMethods : detail::CapExtensions<Tag> {};

// A capability to a kernel object of the type Tag names (cap::Tcb is Cap<tag::Tcb>), with that
// object's invocations as methods.
template <class Tag>
class Cap : public CapMethods<Tag> {
  public:
    // A null capability, or the one at a CPtr (unchecked).
    constexpr Cap() = default;
    constexpr explicit Cap(seL4_CPtr cptr) { this->cptr_ = cptr; }
    // Its CPtr.
    constexpr seL4_CPtr cptr() const { return this->cptr_; }
    // Whether it is the null capability.
    constexpr bool is_null() const { return this->cptr_ == 0; }
    // Explicit: a typed capability goes where a raw CPtr is wanted only when asked to.
    constexpr explicit operator CPtr() const { return CPtr{this->cptr_}; }

    // Reinterprets the capability as another type. Debug kernels check it: a slot holding
    // another kind of capability stops the program, naming the caller (an empty slot passes).
    // Cap<Other>(cptr) is the unchecked way.
    template <class Other>
    Cap<Other> cast(const std::source_location& where = std::source_location::current()) const {
        detail::check_cast(this->cptr_, cap_type_id<Other>, where);
        return Cap<Other>(this->cptr_);
    }

    // The same CPtr.
    friend constexpr bool operator==(Cap a, Cap b) { return a.cptr() == b.cptr(); }
};

// A slot addressed through a CNode: the CNode, the index within it, and how many bits of the
// index to resolve. What CNode operations take.
struct AbsoluteCPtr {
    seL4_CPtr root;   // the CNode to start from
    seL4_Word path;   // the index within it
    seL4_Uint8 depth; // how many bits of path to resolve
};

} // namespace sel4
