#include <gtest/gtest.h>

#include <vector>

#include <sel4/drivers/timeouts.hpp>

using sel4::drivers::Timeouts;

TEST(Timeouts, EarliestFirstAndOnlyOnce) {
    Timeouts<4> t;
    EXPECT_FALSE(t.next());
    t.set(1, 1000, 500);
    t.set(2, 1000, 100);
    EXPECT_EQ(*t.next(), 1100u);
    std::vector<unsigned> fired;
    t.expire(1100, [&](unsigned c) { fired.push_back(c); });
    EXPECT_EQ(fired, std::vector<unsigned>{2});
    EXPECT_EQ(*t.next(), 1500u);
    t.expire(1100, [&](unsigned c) { fired.push_back(c); });
    EXPECT_EQ(fired.size(), 1u);
    t.expire(2000, [&](unsigned c) { fired.push_back(c); });
    EXPECT_EQ(fired, (std::vector<unsigned>{2, 1}));
    EXPECT_FALSE(t.next());
}

TEST(Timeouts, ReplaceCancelAndSaturate) {
    Timeouts<2> t;
    t.set(0, 0, 100);
    t.set(0, 0, 50);
    EXPECT_EQ(*t.next(), 50u);
    t.cancel(0);
    EXPECT_FALSE(t.next());
    t.set(1, ~std::uint64_t{0} - 5, 100);
    EXPECT_EQ(*t.next(), ~std::uint64_t{0} - 1);
    t.set(7, 0, 1); // no such client: ignored
    EXPECT_EQ(*t.next(), ~std::uint64_t{0} - 1);
}

TEST(Timeouts, TickConversions) {
    using namespace sel4::drivers;
    EXPECT_EQ(ticks_to_ns(62'500'000, 62'500'000), 1'000'000'000u);
    EXPECT_EQ(ns_to_ticks(1'000'000, 62'500'000), 62'500u);
    EXPECT_EQ(ns_to_ticks(1, 62'500'000), 1u); // rounds up: never early
    EXPECT_EQ(ticks_to_ns(~std::uint64_t{0} / 1000, 1'000'000'000), ~std::uint64_t{0} / 1000);
}
