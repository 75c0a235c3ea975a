// sel4::fmt, the formatter behind sel4::log: std::format's placeholders on g++ 12.
#include <gtest/gtest.h>

#include <string>

#include <sel4/format.hpp>

namespace {
template <class... Args>
std::string format(sel4::fmt::format_string<Args...> text, const Args&... args) {
    char buffer[128];
    const auto n = sel4::fmt::format_to_n(buffer, sizeof buffer, text, args...);
    return std::string(buffer, n);
}
enum class Colour { red = 3 };
} // namespace

TEST(Format, PlaceholdersAndTypes) {
    EXPECT_EQ(format("a {} b {} c", 42, "text"), "a 42 b text c");
    EXPECT_EQ(format("{} {} {}", -7, true, 'x'), "-7 true x");
    EXPECT_EQ(format("{}", std::string_view("view")), "view");
    EXPECT_EQ(format("{}", Colour::red), "3");
    EXPECT_EQ(format("{}", 1.5), "1.5");
    EXPECT_EQ(format("{{}} {}", 1), "{} 1");
}

TEST(Format, Specs) {
    EXPECT_EQ(format("{:x} {:#x} {:X} {:#b}", 255, 255, 255u, 5), "ff 0xff FF 0b101");
    EXPECT_EQ(format("{:08x}", 0x1234), "00001234");
    EXPECT_EQ(format("{:#010x}", 0x1234), "0x00001234");
    EXPECT_EQ(format("[{:>5}] [{:<5}] [{:^5}] [{:*>4}]", 1, 2, "ab", 3),
              "[    1] [2    ] [ ab  ] [***3]");
    EXPECT_EQ(format("{}", static_cast<long long>(-9223372036854775807LL - 1)),
              "-9223372036854775808");
    EXPECT_EQ(format("{}", reinterpret_cast<void*>(0x1000)), "0x1000");
}

TEST(Format, CutsAtTheBufferAndCountsTheRest) {
    char buffer[4];
    sel4::fmt::Output out(buffer, sizeof buffer);
    sel4::fmt::format_to(out, "{}-{}", 1234, 5678);
    EXPECT_EQ(out.size(), 9u);
    EXPECT_EQ(out.written(), 4u);
    EXPECT_EQ(std::string(buffer, 4), "1234");
}
