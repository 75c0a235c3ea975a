// libmicrokit's C API over the C++ runtime (include/microkit.h), and running a C PD: when no
// C++ PD class is named (SEL4_MICROKIT_PD), the C entry points are the handlers.
#include <microkit.h>

#include <sel4/microkit.hpp>
#include <sel4/runtime/message.hpp>

using namespace sel4::microkit;

extern "C" {

void sel4_microkit_notify(microkit_channel ch) {
    Channel(ch).notify();
}
void sel4_microkit_irq_ack(microkit_channel ch) {
    Channel(ch).irq_ack();
}
microkit_msginfo sel4_microkit_ppcall(microkit_channel ch, microkit_msginfo msginfo) {
    return Channel(ch).pp_call(sel4::MessageInfo(msginfo)).raw();
}
void sel4_microkit_deferred_notify(microkit_channel ch) {
    Channel(ch).deferred_notify();
}
void sel4_microkit_deferred_irq_ack(microkit_channel ch) {
    Channel(ch).deferred_irq_ack();
}
void sel4_microkit_pd_restart(microkit_child pd, seL4_Word entry_point) {
    Child(pd).restart(entry_point);
}
void sel4_microkit_pd_stop(microkit_child pd) {
    Child(pd).stop();
}

void sel4_microkit_internal_crash(seL4_Error err) {
    sel4::runtime::Message<> message;
    message << "microkit_internal_crash(" << static_cast<int>(err) << ')';
    sel4::runtime::fatal(message.view());
}

void microkit_dbg_putc(int c) {
    sel4_runtime_debug_put_char(static_cast<char>(c));
}
void microkit_dbg_puts(const char* s) {
    sel4::runtime::debug_write(s);
}
void microkit_dbg_put8(seL4_Uint8 x) {
    sel4::runtime::Message<4> text;
    text << unsigned{x};
    sel4::runtime::debug_write(text.view());
}
void microkit_dbg_put32(seL4_Uint32 x) {
    sel4::runtime::Message<12> text;
    text << static_cast<unsigned>(x);
    sel4::runtime::debug_write(text.view());
}

// libmicrokit's defaults for the optional entry points.
[[gnu::weak]] microkit_msginfo microkit_protected(microkit_channel ch, microkit_msginfo msginfo) {
    return ProtectionDomain::default_protected_call(Channel(ch), sel4::MessageInfo(msginfo)).raw();
}
[[gnu::weak]] seL4_Bool fault(microkit_child child, microkit_msginfo msginfo, microkit_msginfo*) {
    (void)ProtectionDomain::default_fault(Child(child), sel4::MessageInfo(msginfo));
    return seL4_False;
}

} // extern "C"

// A C++ PD has no C entry points: weak, so that this adapter links either way.
extern "C" [[gnu::weak]] void init(void);
extern "C" [[gnu::weak]] void notified(microkit_channel ch);

namespace {

// A C PD's entry points as a ProtectionDomain.
class CProtectionDomain final : public ProtectionDomain {
    void init() override {
        if (!::init)
            sel4::runtime::fatal(
                "this PD defines neither init() nor a C++ PD class (SEL4_MICROKIT_PD)");
        ::init();
    }
    void notified(Channel channel) override {
        if (!::notified)
            ProtectionDomain::notified(channel);
        else
            ::notified(channel.id());
    }
    sel4::MessageInfo protected_call(Channel channel, sel4::MessageInfo message) override {
        return sel4::MessageInfo(microkit_protected(channel.id(), message.raw()));
    }
    std::optional<sel4::MessageInfo> fault(Child child, sel4::MessageInfo message) override {
        microkit_msginfo reply{};
        if (::fault(child.id(), message.raw(), &reply)) return sel4::MessageInfo(reply);
        return std::nullopt;
    }
};

alignas(16) std::byte c_pd_heap[64 * 1024];
constinit CProtectionDomain c_pd;

} // namespace

// Used unless a C++ PD names its class with SEL4_MICROKIT_PD (which defines these strongly).
extern "C" [[gnu::weak]] std::byte* const sel4_runtime_heap_start = c_pd_heap;
extern "C" [[gnu::weak]] const std::size_t sel4_runtime_heap_size = sizeof c_pd_heap;
extern "C" [[gnu::weak, noreturn]] void sel4_microkit_main() {
    detail::run(c_pd);
}
