// A timer driver's bookkeeping: one pending timeout per client, the earliest one programmed into
// the hardware. Host-tested; the driver PD supplies the clock and the alarm.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>

namespace sel4::drivers {

template <unsigned Clients>
class Timeouts {
  public:
    static constexpr std::uint64_t none = std::numeric_limits<std::uint64_t>::max();

    // A client's timeout `relative` ns after `now` (replacing its previous one). Saturates.
    void set(unsigned client, std::uint64_t now, std::uint64_t relative) {
        if (client >= Clients) return;
        deadlines_[client] = relative > none - now ? none - 1 : now + relative;
    }
    void cancel(unsigned client) {
        if (client < Clients) deadlines_[client] = none;
    }

    // Calls `expire(client)` for every timeout due at `now`, and forgets them.
    template <class F>
    void expire(std::uint64_t now, F&& expire) {
        for (unsigned c = 0; c < Clients; ++c) {
            if (deadlines_[c] != none && deadlines_[c] <= now) {
                deadlines_[c] = none;
                expire(c);
            }
        }
    }

    // The earliest pending deadline.
    std::optional<std::uint64_t> next() const {
        std::uint64_t earliest = none;
        for (auto d : deadlines_)
            earliest = d < earliest ? d : earliest;
        if (earliest == none) return std::nullopt;
        return earliest;
    }

  private:
    std::array<std::uint64_t, Clients> deadlines_ = filled();
    static constexpr std::array<std::uint64_t, Clients> filled() {
        std::array<std::uint64_t, Clients> a{};
        a.fill(none);
        return a;
    }
};

// Nanoseconds from ticks of a counter running at `hz`, without overflow for centuries.
constexpr std::uint64_t ticks_to_ns(std::uint64_t ticks, std::uint64_t hz) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(ticks) * 1'000'000'000u) /
                                      hz);
}
constexpr std::uint64_t ns_to_ticks(std::uint64_t ns, std::uint64_t hz) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(ns) * hz + 999'999'999u) /
                                      1'000'000'000u);
}

} // namespace sel4::drivers
