// Typed capabilities: sel4::Cap<Tag> over a CPtr, with the kernel object's invocations as
// methods (generated from the kernel's interface definitions into sel4/gen/invocations.hpp).
#pragma once

#include <sel4/runtime/runtime.hpp>
#include <sel4/sys.hpp>

#include <source_location>

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

// The kernel's number for a kind of capability, as seL4_DebugCapIdentify reports it
// (sel4/cap_type_ids.hpp and its per-architecture part); -1 where there is none to check.
template <class Tag>
struct CapTypeId {
    static constexpr int value = -1;
};

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

template <class Tag>
class Cap : public CapMethods<Tag> {
  public:
    constexpr Cap() = default;
    constexpr explicit Cap(seL4_CPtr cptr) { this->cptr_ = cptr; }
    constexpr seL4_CPtr cptr() const { return this->cptr_; }
    constexpr bool is_null() const { return this->cptr_ == 0; }
    // Explicit: a typed capability goes where a raw CPtr is wanted only when asked to.
    constexpr explicit operator CPtr() const { return CPtr{this->cptr_}; }

    // Reinterprets the capability as another type. Debug kernels check it: a slot holding
    // another kind of capability stops the program, naming the caller (an empty slot passes).
    // Cap<Other>(cptr) is the unchecked way.
    template <class Other>
    Cap<Other> cast(const std::source_location& where = std::source_location::current()) const {
        detail::check_cast(this->cptr_, CapTypeId<Other>::value, where);
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
