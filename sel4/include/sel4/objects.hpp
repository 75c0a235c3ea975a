// Capability types of kernel objects that have no invocations of their own (the generated
// header adds the ones that do), and their IPC operations.
#pragma once

#include <sel4/cap.hpp>
#include <sel4/error.hpp>

namespace sel4 {

namespace tag {
struct Endpoint;
struct Notification;
struct Reply;
struct VSpace;  // the root of an address space, whatever the architecture calls it
}  // namespace tag

// A received or sent message's header: label, length, extra caps, unwrapped caps.
class MessageInfo {
public:
    constexpr MessageInfo() = default;
    MessageInfo(seL4_Word label, seL4_Word length, seL4_Word extra_caps = 0,
                seL4_Word caps_unwrapped = 0)
        : raw_(seL4_MessageInfo_new(label, caps_unwrapped, extra_caps, length)) {}
    explicit MessageInfo(seL4_MessageInfo_t raw) : raw_(raw) {}

    seL4_Word label() const { return seL4_MessageInfo_get_label(raw_); }
    seL4_Word length() const { return seL4_MessageInfo_get_length(raw_); }
    seL4_Word extra_caps() const { return seL4_MessageInfo_get_extraCaps(raw_); }
    seL4_Word caps_unwrapped() const { return seL4_MessageInfo_get_capsUnwrapped(raw_); }
    seL4_MessageInfo_t raw() const { return raw_; }

private:
    seL4_MessageInfo_t raw_{};
};

// What a receive returns: the message header and the sender's badge.
struct Received {
    MessageInfo info;
    seL4_Word badge;
};

template <>
struct CapMethods<tag::Notification> : detail::CapStorage {
    void signal() const noexcept { seL4_Signal(cptr_); }
    // Blocks until signalled; returns the OR of the badges signalled since the last wait.
    seL4_Word wait() const noexcept {
        seL4_Word badge = 0;
        seL4_Wait(cptr_, &badge);
        return badge;
    }
    // As wait(), without blocking: 0 when nothing was signalled.
    seL4_Word poll() const noexcept {
        seL4_Word badge = 0;
        seL4_Poll(cptr_, &badge);
        return badge;
    }
};

template <>
struct CapMethods<tag::Endpoint> : detail::CapStorage {
    void send(MessageInfo info) const noexcept { seL4_Send(cptr_, info.raw()); }
    void nb_send(MessageInfo info) const noexcept { seL4_NBSend(cptr_, info.raw()); }
    MessageInfo call(MessageInfo info) const noexcept { return MessageInfo(seL4_Call(cptr_, info.raw())); }
};

namespace cap {
using Endpoint = Cap<tag::Endpoint>;
using Notification = Cap<tag::Notification>;
using Reply = Cap<tag::Reply>;
using VSpace = Cap<tag::VSpace>;
}  // namespace cap

// The message registers of the calling thread's IPC buffer.
inline void set_mr(unsigned index, seL4_Word value) { seL4_SetMR(static_cast<int>(index), value); }
inline seL4_Word get_mr(unsigned index) { return seL4_GetMR(static_cast<int>(index)); }

}  // namespace sel4
