#include <cstdio>
#include <variant>

#include <sel4/fault.hpp>
#include <sel4/microkit.hpp>

using namespace sel4::microkit;

namespace {
constexpr Channel client{0};
}

class Parent : public ProtectionDomain {
    void init() override {}

    std::optional<sel4::MessageInfo> fault(Child child, sel4::MessageInfo message) override {
        const auto fault = sel4::decode_fault(message);
        if (const auto* vm = std::get_if<sel4::fault::VmFault>(&fault))
            std::printf("parent: child %u faulted: VMFault at address 0x%lx\n", child.id(),
                        static_cast<unsigned long>(vm->address));
        else
            std::printf("parent: child %u faulted (kind %zu)\n", child.id(), fault.index());
        child.stop();
        client.notify();
        return std::nullopt; // leave the child stopped
    }
};

SEL4_MICROKIT_PD(Parent)
