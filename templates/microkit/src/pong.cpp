// pong: doubles what ping sends, and notifies it.
#include <cstdio>

#include <sel4/microkit.hpp>

using namespace sel4::microkit;

namespace {
constexpr Channel ping{0};
}

class Pong : public ProtectionDomain {
    void init() override { std::printf("pong: ready\n"); }

    sel4::MessageInfo protected_call(Channel channel, sel4::MessageInfo message) override {
        if (channel != ping || message.length() != 1) return sel4::MessageInfo(1, 0);
        sel4::set_mr(0, 2 * sel4::get_mr(0));
        ping.notify(); // delivered once ping waits again, after the reply
        return sel4::MessageInfo(0, 1);
    }
};

SEL4_MICROKIT_PD(Pong)
