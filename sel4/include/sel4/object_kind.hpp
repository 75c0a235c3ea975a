// A kind of kernel object and the size_bits retype takes for it.
#pragma once

#include <sel4/sys.hpp>

namespace sel4::object {
// One kind of kernel object.
struct Kind {
    seL4_Word type;      // the object type retype takes (seL4_*Object)
    seL4_Word size_bits; // the size_bits retype takes for it (a small valid one where it varies)
    const char* name;    // for messages
};
} // namespace sel4::object
