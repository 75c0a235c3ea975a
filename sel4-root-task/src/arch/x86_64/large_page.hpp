// The page size the untyped heap maps with: x86's 2 MiB large page (seL4_LargePageBits).
#pragma once
#include <sel4/sys.hpp>

namespace sel4::root_task::arch {
inline constexpr seL4_Word large_page_object = seL4_X86_LargePageObject;
}
