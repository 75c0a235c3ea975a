// How a fault message's fields fill the per-architecture register structs of
// sel4/arch/fault_registers.hpp: each struct names the kernel's getters of its members, in order,
// and sel4/fault.hpp's decoder reads them alike on every architecture.
#pragma once

#include <type_traits>

#include <sel4/sys.hpp>

namespace sel4 {

// One field of a fault message: the kernel's getter of it (seL4_Fault_<Kind>_get_<Field>).
using FaultField = seL4_Word (*)(seL4_Fault_t);

// The fields of a fault message that fill a struct of registers, member by member (template
// arguments, so that reading them is the getters' code inline).
template <FaultField... fields>
struct FaultFields {
    // Reads the fields into Registers (the sizes check that the list and the struct agree).
    template <typename Registers>
    static Registers read(seL4_Fault_t raw) {
        static_assert(sizeof...(fields) == 0
                          ? std::is_empty_v<Registers>
                          : sizeof(Registers) == sizeof...(fields) * sizeof(seL4_Word));
        return Registers{fields(raw)...};
    }
};

} // namespace sel4
