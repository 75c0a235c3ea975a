// A passive server: it runs on its callers' scheduling contexts.
#include <cstdio>
#include <stdexcept>

#include <sel4/microkit.hpp>

using namespace sel4::microkit;

class Server : public ProtectionDomain {
    void init() override { std::printf("server: initialised, becoming passive\n"); }

    sel4::MessageInfo protected_call(Channel channel, sel4::MessageInfo message) override {
        try {
            if (message.label() != 7) throw std::invalid_argument("unknown request");
            const auto value = sel4::get_mr(0);
            sel4::set_mr(0, value * value);
            std::printf("server: call on channel %u\n", channel.id());
            return sel4::MessageInfo(0, 1);
        } catch (const std::exception& e) {
            std::printf("server: %s\n", e.what());
            return sel4::MessageInfo(1, 0);
        }
    }
};

SEL4_MICROKIT_PD(Server)
