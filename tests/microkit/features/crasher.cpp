#include <cstdio>

#include <sel4/microkit.hpp>

class Crasher : public sel4::microkit::ProtectionDomain {
    void init() override {
        std::printf("crasher: faulting on purpose\n");
        *reinterpret_cast<volatile int*>(0x10) = 1;
    }
};

SEL4_MICROKIT_PD(Crasher)
