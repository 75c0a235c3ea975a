// IPC messages: the header (MessageInfo), what a receive returns, message registers.
#pragma once

#include <sel4/sys.hpp>

namespace sel4 {

// The header of an IPC message: a label the receiver interprets, how many message registers
// and capabilities it carries.
class MessageInfo {
  public:
    constexpr MessageInfo() = default;
    // A header for a message of length registers and extra_caps capabilities.
    MessageInfo(seL4_Word label, seL4_Word length, seL4_Word extra_caps = 0,
                seL4_Word caps_unwrapped = 0)
        : raw_(seL4_MessageInfo_new(label, caps_unwrapped, extra_caps, length)) {}
    // libsel4's header as it is.
    explicit MessageInfo(seL4_MessageInfo_t raw) : raw_(raw) {}

    // The label: the operation for a server, the fault kind for a fault handler.
    seL4_Word label() const { return seL4_MessageInfo_get_label(raw_); }
    // How many message registers the message has.
    seL4_Word length() const { return seL4_MessageInfo_get_length(raw_); }
    // How many capabilities come with it.
    seL4_Word extra_caps() const { return seL4_MessageInfo_get_extraCaps(raw_); }
    // Which received capabilities were unwrapped into badges (a bit each).
    seL4_Word caps_unwrapped() const { return seL4_MessageInfo_get_capsUnwrapped(raw_); }
    // libsel4's header, for its functions.
    seL4_MessageInfo_t raw() const { return raw_; }

  private:
    seL4_MessageInfo_t raw_{};
};

// What a receive returns: the message header and the sender's badge.
struct Received {
    MessageInfo info; // the message's header
    seL4_Word badge;  // the badge of the capability the sender used (0 if none)
};

// The calling thread's IPC buffer: message registers, capabilities to send, where received
// capabilities go, and the badges or unwrapped capabilities of a received message.
class IpcBuffer {
  public:
    // The calling thread's buffer (libsel4's __sel4_ipc_buffer).
    static IpcBuffer current() { return IpcBuffer(seL4_GetIPCBuffer()); }
    // A thread's buffer, mapped at buffer.
    explicit IpcBuffer(seL4_IPCBuffer* buffer) : buffer_(buffer) {}

    // Message register index (beyond those the architecture passes in registers).
    seL4_Word& mr(unsigned index) { return buffer_->msg[index]; }
    // Message register index, read only.
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
    // libsel4's buffer, for its functions.
    seL4_IPCBuffer* raw() const { return buffer_; }

  private:
    seL4_IPCBuffer* buffer_;
};

// Sets message register index of the next message (in a register where the architecture has one).
inline void set_mr(unsigned index, seL4_Word value) {
    seL4_SetMR(static_cast<int>(index), value);
}
// Message register index of the message just received.
inline seL4_Word get_mr(unsigned index) {
    return seL4_GetMR(static_cast<int>(index));
}

} // namespace sel4
