// libFuzzer: the platform info parser either parses or throws ParseError, nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <sel4/platform_info/platform_info.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto info =
            sel4::platform_info::parse(std::string_view(reinterpret_cast<const char*>(data), size));
        (void)sel4::platform_info::to_cpp_header(info);
    } catch (const sel4::platform_info::ParseError&) {
    }
    return 0;
}
