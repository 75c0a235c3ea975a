#include <cstdio>

#include <sel4/microkit.hpp>

using namespace sel4::microkit;

namespace {
constexpr Channel server{0}, echo{1}, parent{2};
}

class Client : public ProtectionDomain {
    bool called = false, echoed = false, fault_reported = false;

    void init() override {
        sel4::set_mr(0, 5);
        const auto reply = server.pp_call(sel4::MessageInfo(7, 1));
        called = reply.label() == 0 && reply.length() == 1 && sel4::get_mr(0) == 25;
        std::printf("client: passive server squared 5: %lu (%s)\n",
                    static_cast<unsigned long>(sel4::get_mr(0)), called ? "ok" : "FAILED");
        echo.deferred_notify(); // sent with the event loop's first receive
    }

    void notified(Channel channel) override {
        if (channel == echo) {
            echoed = true;
            std::printf("client: the C PD answered the deferred notification\n");
        } else if (channel == parent) {
            fault_reported = true;
            std::printf("client: the parent handled its child's fault\n");
        }
        if (called && echoed && fault_reported) std::printf("features: all passed\n");
    }
};

SEL4_MICROKIT_PD(Client)
