// A kind of kernel object and the size_bits retype takes for it.
#pragma once

#include <sel4/sys.hpp>

namespace sel4::object {
struct Kind {
    seL4_Word type;
    seL4_Word size_bits;
    const char* name;
};
} // namespace sel4::object
