// The PD runtime: the symbols the Microkit tool patches, entry, event loop, channels.
#include <sel4/microkit.hpp>
#include <sel4/runtime/message.hpp>
#include <sel4/microkit/badge.hpp>
#include <sel4/runtime/threads.hpp>

#include "initial_tls.hpp"

extern "C" {
// Written by the Microkit tool into the ELF (in .data so that they have file bytes to patch).
[[gnu::section(".data")]] char microkit_name[64] = {0};
[[gnu::section(".data")]] bool microkit_passive = false;
[[gnu::section(".data")]] seL4_Word microkit_irqs = 0;
[[gnu::section(".data")]] seL4_Word microkit_notifications = 0;
[[gnu::section(".data")]] seL4_Word microkit_pps = 0;

// The page the tool maps as this PD's IPC buffer (Microkit 2.0-2.2), from the linker script.
extern seL4_IPCBuffer __sel4_ipc_buffer_obj;

[[noreturn]] void sel4_microkit_main();
}

namespace sel4::microkit {
namespace {

// A notify or IRQ ack to send with the next receive.
struct Deferred {
    bool pending = false;
    seL4_CPtr cap = 0;
    seL4_MessageInfo_t message{};
} deferred;

[[noreturn]] void bad_channel(const char* what, unsigned id) {
    runtime::Message<> message;
    message << "PD '" << microkit_name << "': " << what << " on channel " << id
            << ", which this PD does not have";
    runtime::fatal(message.view());
}

void check_channel(seL4_Word mask, unsigned id, const char* what) {
    if (id >= max_channels || !(mask & (seL4_Word{1} << id))) bad_channel(what, id);
}

void defer(seL4_CPtr cap, seL4_MessageInfo_t message) {
    if (deferred.pending)
        runtime::fatal("a deferred notify or IRQ ack is already pending for the next receive");
    deferred = {true, cap, message};
}

[[noreturn]] void start() {
    runtime::set_up_initial_tls();
    seL4_SetIPCBuffer(&__sel4_ipc_buffer_obj);
    runtime::initialize();
    sel4_microkit_main();
}

// The handlers bound to channels (Handler<Owner>), by channel id.
detail::ChannelHandler* handlers[max_channels] = {};

} // namespace

detail::ChannelHandler::ChannelHandler(Channel channel) : channel_(channel) {
    if (channel.id() >= max_channels) bad_channel("a handler", channel.id());
    if (handlers[channel.id()]) {
        runtime::Message<> message;
        message << "PD '" << microkit_name << "': channel " << channel.id() << " has two handlers";
        runtime::fatal(message.view());
    }
    handlers[channel.id()] = this;
}

detail::ChannelHandler::~ChannelHandler() {
    if (handlers[channel_.id()] == this) handlers[channel_.id()] = nullptr;
}

std::string_view name() {
    return microkit_name;
}

void Channel::notify() const {
    check_channel(microkit_notifications, id_, "notify");
    seL4_Signal(slot::notification_base + id_);
}

void Channel::irq_ack() const {
    check_channel(microkit_irqs, id_, "irq_ack");
    (void)seL4_IRQHandler_Ack(slot::irq_base + id_);
}

MessageInfo Channel::pp_call(MessageInfo message) const {
    check_channel(microkit_pps, id_, "pp_call");
    return MessageInfo(seL4_Call(slot::endpoint_base + id_, message.raw()));
}

void Channel::deferred_notify() const {
    check_channel(microkit_notifications, id_, "deferred_notify");
    defer(slot::notification_base + id_, seL4_MessageInfo_new(0, 0, 0, 0));
}

void Channel::deferred_irq_ack() const {
    check_channel(microkit_irqs, id_, "deferred_irq_ack");
    defer(slot::irq_base + id_, seL4_MessageInfo_new(IRQAckIRQ, 0, 0, 0));
}

void Child::restart(seL4_Word entry_point) const {
    seL4_UserContext context{};
    context.pc = entry_point;
    if (seL4_TCB_WriteRegisters(slot::child_tcb_base + id_, seL4_True, 0, 1, &context) !=
        seL4_NoError)
        runtime::fatal("Child::restart: the kernel refused to write the child's registers");
}

void Child::stop() const {
    if (seL4_TCB_Suspend(slot::child_tcb_base + id_) != seL4_NoError)
        runtime::fatal("Child::stop: the kernel refused to suspend the child");
}

void ProtectionDomain::notified(Channel channel) {
    runtime::Message<> message;
    message << "PD '" << microkit_name << "' got a notification on channel " << channel.id()
            << " but has no notified()";
    runtime::fatal(message.view());
}

MessageInfo ProtectionDomain::protected_call(Channel channel, MessageInfo message) {
    default_protected_call(channel, message);
}

std::optional<MessageInfo> ProtectionDomain::fault(Child child, MessageInfo message) {
    default_fault(child, message);
}

MessageInfo ProtectionDomain::default_protected_call(Channel channel, MessageInfo) {
    runtime::Message<> message;
    message << "PD '" << microkit_name << "' got a protected call on channel " << channel.id()
            << " but has no protected_call()";
    runtime::fatal(message.view());
}

std::optional<MessageInfo> ProtectionDomain::default_fault(Child child, MessageInfo) {
    runtime::Message<> message;
    message << "PD '" << microkit_name << "': child " << child.id()
            << " faulted but the PD has no fault()";
    runtime::fatal(message.view());
}

void detail::run(ProtectionDomain& pd) {
    pd.init();
    // Acknowledge every IRQ once before the first receive, as libmicrokit does since 2.1.0: an
    // interrupt raised before the PD ran then reaches it (seL4 issue 1536).
    for (unsigned id = 0; id < max_channels; ++id)
        if (microkit_irqs & (seL4_Word{1} << id)) (void)seL4_IRQHandler_Ack(slot::irq_base + id);
    // A passive PD tells the monitor it is ready (with its first receive), which then takes
    // its scheduling context away.
    if (microkit_passive) defer(slot::monitor, seL4_MessageInfo_new(0, 0, 0, 0));

    bool have_reply = false;
    seL4_MessageInfo_t reply{};
    for (;;) {
        seL4_Word badge = 0;
        seL4_MessageInfo_t received;
        if (have_reply) {
            received = seL4_ReplyRecv(slot::input, reply, &badge, slot::reply);
        } else if (deferred.pending) {
            deferred.pending = false;
            received =
                seL4_NBSendRecv(deferred.cap, deferred.message, slot::input, &badge, slot::reply);
        } else {
            received = seL4_Recv(slot::input, &badge, slot::reply);
        }
        have_reply = false;
        switch (classify(badge)) {
        case Event::fault:
            if (const auto answer = pd.fault(Child(faulting_child(badge)), MessageInfo(received))) {
                have_reply = true;
                reply = answer->raw();
            }
            break;
        case Event::protected_call:
            reply = pd.protected_call(Channel(protected_call_channel(badge)), MessageInfo(received))
                        .raw();
            have_reply = true;
            break;
        case Event::notifications:
            for_each_notified_channel(badge, [&](unsigned id) {
                if (auto* handler = handlers[id])
                    handler->handle();
                else
                    pd.notified(Channel(id));
            });
            break;
        }
    }
}

} // namespace sel4::microkit

extern "C" [[noreturn]] void sel4_microkit_start() {
    sel4::microkit::start();
}

// The PD's own thread (sel4/runtime/threads.hpp).
__thread seL4_CPtr sel4_runtime_current_tcb = sel4::microkit::slot::own_tcb;

// How a PD stops itself after a fatal error: suspend its own thread; if even that fails, fault
// so that the monitor reports it.
extern "C" [[noreturn]] void sel4_runtime_stop_current_thread(void) {
    (void)seL4_TCB_Suspend(sel4::microkit::slot::own_tcb);
    for (;;)
        *reinterpret_cast<volatile int*>(0) = 0;
}
