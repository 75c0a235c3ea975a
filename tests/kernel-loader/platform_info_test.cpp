#include <gtest/gtest.h>

#include <sel4/platform_info/platform_info.hpp>

using namespace sel4::platform_info;

namespace {
std::string parse_error(const std::string& text) {
    try {
        parse(text);
    } catch (const ParseError& error) {
        return error.what();
    }
    return "no error";
}
} // namespace

TEST(PlatformInfo, ParsesSeL4sFormat) {
    const auto info = parse(R"(devices:
- end: 0x2000000
  start: 0x0
- end: 0xc000000
  start: 0x2200000
memory:
- end: 0x100000000
  start: 0x80200000
)");
    ASSERT_EQ(info.memory.size(), 1u);
    EXPECT_EQ(info.memory[0].start, 0x80200000u);
    EXPECT_EQ(info.memory[0].end, 0x100000000u);
    ASSERT_EQ(info.devices.size(), 2u);
    EXPECT_EQ(info.devices[1].start, 0x2200000u);
}

TEST(PlatformInfo, GeneratesAConstexprHeader) {
    const auto header = to_cpp_header(parse("memory:\n- {start: 0x1000, end: 0x2000}\n"));
    EXPECT_NE(header.find("inline constexpr MemoryRange memory[] = {\n    {0x1000, 0x2000},"),
              std::string::npos);
}

TEST(PlatformInfo, ReportsTheLineOfWhatIsWrong) {
    EXPECT_EQ(parse_error("memory:\n- {start: 0x1000}\n"),
              "platform info, line 2: region has no 'end'");
    EXPECT_EQ(parse_error("memory:\n- start: 0x1000\n  end: lots\n"),
              "platform info, line 3: 'end' is not a number: 'lots'");
    EXPECT_EQ(parse_error("devices: []\n"), "platform info, line 1: no 'memory' list");
    EXPECT_EQ(parse_error("memory:\n- {start: 0x2000, end: 0x1000}\n"),
              "platform info, line 2: an entry of 'memory' ends before it starts");
    EXPECT_NE(parse_error("memory: [ {start: 1\n").find("platform info, line"), std::string::npos);
    EXPECT_EQ(parse_error("memory: []\n"), "platform info, line 1: 'memory' is empty");
}
