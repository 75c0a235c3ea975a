// The client: writes to the shared page, notifies the server, and once the server answers,
// calls it to add two numbers.
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <sel4/microkit.hpp>

#include "shared.hpp"

using namespace sel4::microkit;

extern "C" Region<SharedPage> shared; // the tool writes the page's address here (setvar)
Region<SharedPage> shared{};

namespace {
constexpr Channel server{0};
}

class Client : public ProtectionDomain {
    void init() override {
        std::printf("client: hello from the C++ PD '%.*s'\n", static_cast<int>(name().size()),
                    name().data());
        try {
            throw std::runtime_error("exceptions work in a PD");
        } catch (const std::exception& e) {
            std::printf("client: caught: %s\n", e.what());
        }
        std::snprintf(shared->text, sizeof shared->text, "ping from the client");
        server.notify();
    }

    void notified(Channel channel) override {
        std::printf("client: notified on channel %u, shared page says '%s'\n", channel.id(),
                    shared->text);
        const auto sum = sel4::ipc::client<hello::Protocol>(server).call<hello::Add>(20, 22);
        std::printf("client: server says 20 + 22 = %lu\n",
                    static_cast<unsigned long>(sum.value_or(0)));
        if (sum.value_or(0) == 42) std::printf("hello: all done\n");
    }
};

SEL4_MICROKIT_PD(Client)
