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

    // The typed protocol's methods; anything else a client sends is answered with an error.
    sel4::MessageInfo protected_call(Channel, sel4::MessageInfo message) override {
        return sel4::ipc::dispatch<hello::Protocol>(*this, message);
    }

  public:
    std::uint64_t operator()(hello::Add, std::uint64_t a, std::uint64_t b) {
        std::printf("server: add %lu + %lu\n", static_cast<unsigned long>(a),
                    static_cast<unsigned long>(b));
        return a + b;
    }
};

SEL4_MICROKIT_PD(Server)
