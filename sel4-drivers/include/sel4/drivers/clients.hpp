// The client side of the driver PDs' protected calls (Microkit PDs only).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

#include <sel4/drivers/protocol.hpp>
#include <sel4/microkit.hpp>
#include <sel4/rings/timer.hpp>

namespace sel4::drivers {

// A timer driver on `channel`: the time, and one pending timeout (expiry is a notification on
// the same channel).
class TimerClient {
  public:
    constexpr explicit TimerClient(microkit::Channel channel) : channel_(channel) {}
    std::uint64_t now_ns() const {
        channel_.pp_call(MessageInfo(static_cast<seL4_Word>(rings::timer::Label::get_time), 0));
        return get_mr(0);
    }
    void set_timeout(std::uint64_t relative_ns) const {
        set_mr(0, relative_ns);
        channel_.pp_call(MessageInfo(static_cast<seL4_Word>(rings::timer::Label::set_timeout), 1));
    }
    microkit::Channel channel() const { return channel_; }

  private:
    microkit::Channel channel_;
};

// An entropy driver on `channel`: fills `out`, returns how many bytes it got.
class RngClient {
  public:
    constexpr explicit RngClient(microkit::Channel channel) : channel_(channel) {}
    std::size_t read(std::span<std::byte> out) const {
        std::size_t done = 0;
        while (done < out.size()) {
            const std::size_t want =
                std::min<std::size_t>(out.size() - done, rng_protocol::max_bytes);
            set_mr(0, want);
            channel_.pp_call(MessageInfo(rng_protocol::get_random, 1));
            const std::size_t got = std::min<std::size_t>(get_mr(0), want);
            if (got == 0) break;
            for (std::size_t i = 0; i < got; i += sizeof(seL4_Word)) {
                const seL4_Word word = get_mr(1 + static_cast<unsigned>(i / sizeof(seL4_Word)));
                std::memcpy(out.data() + done + i, &word, std::min(sizeof word, got - i));
            }
            done += got;
        }
        return done;
    }

  private:
    microkit::Channel channel_;
};

// The MAC address a network driver found on its device.
inline std::array<std::uint8_t, 6> query_mac(microkit::Channel driver) {
    driver.pp_call(MessageInfo(net_protocol::get_mac, 0));
    const seL4_Word word = get_mr(0);
    std::array<std::uint8_t, 6> mac{};
    for (unsigned i = 0; i < 6; ++i)
        mac[i] = static_cast<std::uint8_t>(word >> (8 * i));
    return mac;
}

} // namespace sel4::drivers
