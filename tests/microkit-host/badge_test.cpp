#include <gtest/gtest.h>

#include <vector>

#include <sel4/microkit/badge.hpp>

using namespace sel4::microkit;

TEST(MicrokitBadge, ClassifiesAsTheToolAssigns) {
    EXPECT_EQ(classify(0b101), Event::notifications);
    EXPECT_EQ(classify((1ull << 63) | 7), Event::protected_call);
    EXPECT_EQ(protected_call_channel((1ull << 63) | 7), 7u);
    EXPECT_EQ(classify((1ull << 62) | 3), Event::fault);
    EXPECT_EQ(faulting_child((1ull << 62) | 0x1ff), 0xffu);
}

TEST(MicrokitBadge, VisitsEveryNotifiedChannelInOrder) {
    std::vector<unsigned> channels;
    for_each_notified_channel((1ull << 61) | (1ull << 5) | 1,
                              [&](unsigned c) { channels.push_back(c); });
    EXPECT_EQ(channels, (std::vector<unsigned>{0, 5, 61}));
    channels.clear();
    for_each_notified_channel(0, [&](unsigned c) { channels.push_back(c); });
    EXPECT_TRUE(channels.empty());
}
