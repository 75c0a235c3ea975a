// The server: answers the client's notification through the shared page, and adds numbers
// for it over protected procedure calls.
#include <cstdio>

#include <sel4/microkit.hpp>

#include "shared.hpp"

using namespace sel4::microkit;

extern "C" Region<SharedPage> shared;
Region<SharedPage> shared{};

namespace {
constexpr Channel client{1};
}

class Server : public ProtectionDomain {
    void init() override { std::printf("server: ready\n"); }

    void notified(Channel channel) override {
        std::printf("server: notified on channel %u, shared page says '%s'\n", channel.id(),
                    shared->text);
        std::snprintf(shared->text, sizeof shared->text, "pong from the server");
        client.notify();
    }

    sel4::MessageInfo protected_call(Channel channel, sel4::MessageInfo message) override {
        if (message.label() != static_cast<seL4_Word>(Request::add) || message.length() != 2)
            return sel4::MessageInfo(0xff, 0);
        const auto sum = sel4::get_mr(0) + sel4::get_mr(1);
        std::printf("server: call on channel %u: %lu + %lu\n", channel.id(),
                    static_cast<unsigned long>(sel4::get_mr(0)),
                    static_cast<unsigned long>(sel4::get_mr(1)));
        sel4::set_mr(0, sum);
        return sel4::MessageInfo(0, 1);
    }
};

SEL4_MICROKIT_PD(Server)
