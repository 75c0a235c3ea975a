#include <sel4/microkit.hpp>

class Bad : public sel4::microkit::ProtectionDomain {
    void init() override { sel4::microkit::Channel(5).notify(); }
};

SEL4_MICROKIT_PD(Bad)
