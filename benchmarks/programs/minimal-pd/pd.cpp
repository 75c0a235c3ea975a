// The smallest useful Microkit PD in C++: it handles one notification (from minimal-pd-c) and
// answers it. Built -fno-exceptions -fno-rtti with no heap; benchmarks/sizes.py compares it with
// minimal-pd-c, the same PD in C on the SDK's libmicrokit.
#include <sel4/microkit.hpp>

using namespace sel4::microkit;

class Minimal : public ProtectionDomain {
    void init() override {}
    void notified(Channel channel) override {
        sel4::runtime::debug_write("minimal-pd: notified\n");
        channel.notify();
    }
};

SEL4_MICROKIT_PD(Minimal, .heap_size = 0)
