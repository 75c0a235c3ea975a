// What a blueprint of a kernel object is (sel4/object.hpp has them), and the capability
// methods that take one: untyped.retype(blueprint, slot). Included by the generated headers,
// before the methods they generate.
#pragma once

#include <concepts>
#include <cstdint>

#include <sel4/cap.hpp>
#include <sel4/error.hpp>

namespace sel4 {

namespace tag {
struct Untyped;
struct CNode;
} // namespace tag

namespace object {

// What every blueprint has.
template <class B>
concept Blueprint = requires(const B blueprint) {
    typename B::cap_type;
    { B::type } -> std::convertible_to<seL4_Word>;
    { blueprint.size_bits } -> std::convertible_to<seL4_Word>;
    { blueprint.object_bits() } -> std::convertible_to<unsigned>;
};

// Bytes a blueprint's object takes in untyped memory (also its alignment there).
template <Blueprint B>
constexpr std::uint64_t size_in_bytes(const B& blueprint) {
    return std::uint64_t{1} << blueprint.object_bits();
}

} // namespace object

namespace detail {

// untyped.retype(blueprint, slot): one object into an empty slot of a CNode (by default the
// initial thread's), returning its capability.
template <>
struct CapExtensions<tag::Untyped> : CapStorage {
    template <object::Blueprint B>
    [[nodiscard]] Result<typename B::cap_type> retype(const B& blueprint,
                                                      seL4_CPtr slot) const noexcept {
        return retype_into(blueprint, seL4_CapInitThreadCNode, slot);
    }
    // Into a slot of another CNode (a CNode capability of the caller's CSpace).
    template <object::Blueprint B, class CNodeCap = Cap<tag::CNode>>
    [[nodiscard]] Result<typename B::cap_type> retype(const B& blueprint, seL4_CPtr slot,
                                                      CNodeCap cnode) const noexcept {
        return retype_into(blueprint, cnode.cptr(), slot);
    }

  private:
    template <class B>
    Result<typename B::cap_type> retype_into(const B& blueprint, seL4_CPtr cnode,
                                             seL4_CPtr slot) const noexcept {
        const int error =
            seL4_Untyped_Retype(cptr_, B::type, blueprint.size_bits, cnode, 0, 0, slot, 1);
        if (error != seL4_NoError) return to_error(error);
        return typename B::cap_type(slot);
    }
};

} // namespace detail
} // namespace sel4
