// What a badge received on a PD's input endpoint means, as the Microkit tool assigns them:
// bit 63 a protected procedure call (low 6 bits: the channel), bit 62 a child's fault (low
// 8 bits: the child), otherwise one bit per notified channel. Pure logic, tested on the host.
#pragma once

#include <cstdint>

namespace sel4::microkit {

// What woke the PD.
enum class Event {
    notifications,  // one or more channels were notified
    protected_call, // a client called
    fault,          // a child faulted
};

// What a badge means.
constexpr Event classify(std::uint64_t badge) {
    if ((badge >> 62) & 1) return Event::fault;
    if (badge >> 63) return Event::protected_call;
    return Event::notifications;
}

// The channel a protected procedure call came on.
constexpr unsigned protected_call_channel(std::uint64_t badge) {
    return badge & 0x3f;
}
// The child that faulted.
constexpr unsigned faulting_child(std::uint64_t badge) {
    return badge & 0xff;
}

// Calls f(channel) for each channel notified in badge, lowest first.
template <class F>
constexpr void for_each_notified_channel(std::uint64_t badge, F&& f) {
    for (unsigned channel = 0; badge; ++channel, badge >>= 1)
        if (badge & 1) f(channel);
}

} // namespace sel4::microkit
