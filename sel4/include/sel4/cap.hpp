// Typed capabilities: sel4::Cap<Tag> over a CPtr, with the kernel object's invocations as
// methods (generated from the kernel's interface definitions into sel4/gen/invocations.hpp).
#pragma once

#include <sel4/sys.hpp>

namespace sel4 {

// A capability pointer of no particular type: what the kernel calls seL4_CPtr.
struct CPtr {
    seL4_CPtr value = 0;
    constexpr CPtr() = default;
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

// Specialised per object type by the generated code; the default is for object types without
// invocations.
template <class Tag>
struct CapMethods : detail::CapExtensions<Tag> {};

template <class Tag>
class Cap : public CapMethods<Tag> {
  public:
    constexpr Cap() = default;
    constexpr explicit Cap(seL4_CPtr cptr) { this->cptr_ = cptr; }
    constexpr seL4_CPtr cptr() const { return this->cptr_; }
    constexpr bool is_null() const { return this->cptr_ == 0; }
    // Explicit: a typed capability goes where a raw CPtr is wanted only when asked to.
    constexpr explicit operator CPtr() const { return CPtr{this->cptr_}; }

    // Reinterprets the capability as another type. Unchecked: the kernel still checks every
    // invocation (a wrong type answers Error::illegal_operation or invalid_capability).
    template <class Other>
    constexpr Cap<Other> cast() const {
        return Cap<Other>(this->cptr_);
    }

    friend constexpr bool operator==(Cap a, Cap b) { return a.cptr() == b.cptr(); }
};

// A slot addressed through a CNode: the CNode, the index within it, and how many bits of the
// index to resolve. What CNode operations take.
struct AbsoluteCPtr {
    seL4_CPtr root;
    seL4_Word path;
    seL4_Uint8 depth;
};

} // namespace sel4
