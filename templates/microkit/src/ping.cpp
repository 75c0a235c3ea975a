// ping: asks pong to double a number (a protected procedure call), then waits for pong's
// notification.
#include <cstdio>

#include <sel4/microkit.hpp>

using namespace sel4::microkit;

namespace {
constexpr Channel pong{0};
}

class Ping : public ProtectionDomain {
    void init() override {
        sel4::set_mr(0, 21);
        const sel4::MessageInfo reply = pong.pp_call(sel4::MessageInfo(0, 1));
        std::printf("ping: pong doubled 21 into %lu\n",
                    static_cast<unsigned long>(reply.length() == 1 ? sel4::get_mr(0) : 0));
    }

    void notified(Channel channel) override {
        if (channel == pong) std::printf("ping: done\n");
    }
};

SEL4_MICROKIT_PD(Ping)
