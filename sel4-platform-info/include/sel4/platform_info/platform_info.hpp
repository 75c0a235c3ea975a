// seL4's platform_gen.yaml: the platform's RAM and the device regions the kernel keeps.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sel4::platform_info {

struct Region {
    std::uint64_t start;
    std::uint64_t end; // exclusive
};

struct PlatformInfo {
    std::vector<Region> memory;
    std::vector<Region> devices;
};

// Malformed or incomplete input: the message names the line (1-based) and what is wrong.
struct ParseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

PlatformInfo parse(std::string_view yaml_text);

// A C++ header with the regions as constexpr arrays in namespace sel4::platform_info.
std::string to_cpp_header(const PlatformInfo& info);

} // namespace sel4::platform_info
