// IPC messages: the header (MessageInfo), what a receive returns, message registers.
#pragma once

#include <sel4/sys.hpp>

namespace sel4 {

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

// The calling thread's IPC buffer: message registers, capabilities to send, where received
// capabilities go, and the badges or unwrapped capabilities of a received message.
class IpcBuffer {
  public:
    static IpcBuffer current() { return IpcBuffer(seL4_GetIPCBuffer()); }
    explicit IpcBuffer(seL4_IPCBuffer* buffer) : buffer_(buffer) {}

    seL4_Word& mr(unsigned index) { return buffer_->msg[index]; }
    seL4_Word mr(unsigned index) const { return buffer_->msg[index]; }
    // Capabilities to send with the next message.
    void set_cap(unsigned index, seL4_CPtr cap) { buffer_->caps_or_badges[index] = cap; }
    // Badge of an unwrapped capability in a received message.
    seL4_Word badge(unsigned index) const { return buffer_->caps_or_badges[index]; }
    // Where a capability received with the next message is stored.
    void set_receive_slot(seL4_CPtr cnode, seL4_CPtr index, seL4_Word depth) {
        buffer_->receiveCNode = cnode;
        buffer_->receiveIndex = index;
        buffer_->receiveDepth = depth;
    }
    seL4_IPCBuffer* raw() const { return buffer_; }

  private:
    seL4_IPCBuffer* buffer_;
};

inline void set_mr(unsigned index, seL4_Word value) {
    seL4_SetMR(static_cast<int>(index), value);
}
inline seL4_Word get_mr(unsigned index) {
    return seL4_GetMR(static_cast<int>(index));
}

} // namespace sel4
