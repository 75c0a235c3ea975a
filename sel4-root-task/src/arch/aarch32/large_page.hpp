// The page size the untyped heap maps with: ARM's large page (seL4_LargePageBits, 64 KiB on
// aarch32).
#pragma once
#include <sel4/sys.hpp>

namespace sel4::root_task::arch {
inline constexpr seL4_Word large_page_object = seL4_ARM_LargePageObject;
}
