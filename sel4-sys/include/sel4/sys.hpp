// libsel4 for C++: its headers have no extern "C" guards of their own, so the stubs and
// the functions the runtime provides to them (__assert_fail, ...) need them here.
#pragma once

extern "C" {
#include <sel4/sel4.h>
}
