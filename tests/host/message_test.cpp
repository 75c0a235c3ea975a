#include <gtest/gtest.h>

#include <climits>

#include <sel4/runtime/message.hpp>

using sel4::runtime::Message;

TEST(Message, TextAndNumbers) {
    Message m;
    m << "exit status " << -3 << ", line " << 42u << " at ";
    m.hex(0x401d2a);
    EXPECT_EQ(m.view(), "exit status -3, line 42 at 0x401d2a");
}

TEST(Message, ExtremesAndTruncation) {
    Message<8> m;
    m << LLONG_MIN;
    EXPECT_EQ(m.view(), "-9223372");
    Message n;
    n << ULLONG_MAX << ' ' << 0 << ' ' << static_cast<const char*>(nullptr);
    EXPECT_STREQ(n.c_str(), "18446744073709551615 0 ?");
}
