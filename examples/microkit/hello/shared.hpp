// What the client and the server share: the page both map, and the protocol of their
// protected calls (one typed method).
#pragma once

#include <cstddef>
#include <cstdint>

#include <sel4/ipc.hpp>

struct SharedPage {
    char text[256];
};

namespace hello {
using Add = sel4::ipc::Method<1, std::uint64_t(std::uint64_t, std::uint64_t)>;
using Protocol = sel4::ipc::Interface<Add>;
} // namespace hello
