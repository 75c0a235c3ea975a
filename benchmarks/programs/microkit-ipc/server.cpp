// The C++ client's server: an empty reply to each protected call, a notification back for each
// notification.
#include <sel4/microkit.hpp>

using namespace sel4::microkit;

class Server : public ProtectionDomain {
    void init() override {}
    sel4::MessageInfo protected_call(Channel, sel4::MessageInfo) override {
        return sel4::MessageInfo(0, 0);
    }
    void notified(Channel channel) override { channel.notify(); }
};

SEL4_MICROKIT_PD(Server)
