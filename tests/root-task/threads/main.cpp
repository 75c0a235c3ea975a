// A second thread, as a user would start one: its own TCB, stack, TLS and IPC buffer. It calls
// the initial thread with data and a capability, gets a reply, then faults; the initial thread
// receives and decodes the fault through the child's fault endpoint.
#include <cstdio>
#include <variant>

#include <sel4/root_task.hpp>
#include <sel4/bootinfo.hpp>
#include <sel4/fault.hpp>
#include <sel4/sel4.hpp>
#include <sel4/user_context.hpp>

extern "C" const char __ehdr_start[];

namespace {

using namespace sel4;

int failures = 0;

void check(bool ok, const char* what) {
    std::printf("threads: %s: %s\n", what, ok ? "ok" : "FAILED");
    if (!ok) ++failures;
}

constexpr seL4_Word page = 4096;
alignas(4096) std::byte child_ipc_buffer[page];
alignas(16) std::byte child_stack[16 * 1024];
alignas(64) std::byte child_tls[1024];

thread_local int marker = 7; // each thread has its own
cap::Endpoint endpoint;
cap::Notification notification;
constexpr seL4_Word fault_badge = 0xfa;
constexpr seL4_Word fault_address = 0x10;

void child_main(seL4_Word argument) {
    seL4_SetIPCBuffer(reinterpret_cast<seL4_IPCBuffer*>(child_ipc_buffer));
    marker = static_cast<int>(100 + argument);
    set_mr(0, 0x1234);
    set_mr(1, static_cast<seL4_Word>(marker));
    IpcBuffer::current().set_cap(0, notification.cptr());
    const auto reply = endpoint.call(MessageInfo(42, 2, 1));
    if (reply.label() == 0 && get_mr(0) == 0x5678) {
        *reinterpret_cast<volatile int*>(fault_address) = 1; // fault on purpose
    }
    for (;;)
        seL4_Yield();
}

// Empty slots of the root CNode.
struct Slots {
    seL4_CPtr next, end;
    seL4_CPtr take() { return next < end ? next++ : 0; }
};

// The receive family takes the reply object on MCS kernels; generic so that only the
// configuration's form is compiled.
auto receive(auto& ep, seL4_CPtr reply) {
    if constexpr (sel4::kernel_is_mcs)
        return ep.recv(cap::Reply(reply));
    else
        return ep.recv();
}
auto reply_and_receive(auto& ep, MessageInfo info, seL4_CPtr reply) {
    if constexpr (sel4::kernel_is_mcs)
        return ep.reply_recv(info, cap::Reply(reply));
    else
        return ep.reply_recv(info);
}

// Scheduling differs between MCS kernels (a scheduling context, a reply object, the fault
// endpoint with the scheduling parameters) and the others (a priority, the fault endpoint
// with the TCB's configuration). Returns the reply object (MCS) or 0.
#ifdef CONFIG_KERNEL_MCS
seL4_CPtr configure_child(const seL4_BootInfo& bootinfo, cap::Tcb child, seL4_CPtr fault_ep,
                          seL4_Word buffer, cap::Page buffer_frame, auto make) {
    const auto root = init_thread::cnode;
    const auto reply = make(seL4_ReplyObject, 0);
    const auto sc = make(seL4_SchedContextObject, seL4_MinSchedContextBits);
    const cap::SchedControl sched_control(bootinfo.schedcontrol.start);
    check(sched_control.configure_flags(cap::SchedContext(sc), 5000, 5000, 0, 0, 0).ok(),
          "configure a scheduling context");
    check(child.configure(root, 0, init_thread::vspace, 0, buffer, buffer_frame).ok(),
          "configure the child's TCB");
    check(child
              .set_sched_params(init_thread::tcb, 254, 254, cap::SchedContext(sc),
                                cap::Endpoint(fault_ep))
              .ok(),
          "set the child's scheduling parameters and fault endpoint");
    return reply;
}
#else
seL4_CPtr configure_child(const seL4_BootInfo&, cap::Tcb child, seL4_CPtr fault_ep,
                          seL4_Word buffer, cap::Page buffer_frame, auto) {
    const auto root = init_thread::cnode;
    check(child.configure(fault_ep, root, 0, init_thread::vspace, 0, buffer, buffer_frame).ok(),
          "configure the child's TCB and fault endpoint");
    check(child.set_priority(init_thread::tcb, 254).ok(), "set the child's priority");
    return 0;
}
#endif

} // namespace

int main_task(const seL4_BootInfo& bootinfo) {
    Slots slots{bootinfo.empty.start, bootinfo.empty.end};
    const auto root = init_thread::cnode;
    const auto untyped = BootInfo(bootinfo).find_memory(16);
    auto make = [&](seL4_Word type, seL4_Word size_bits) {
        const auto slot = slots.take();
        return untyped.retype(type, size_bits, root, 0, 0, slot, 1).ok() ? slot : 0;
    };
    endpoint = cap::Endpoint(make(seL4_EndpointObject, 0));
    notification = cap::Notification(make(seL4_NotificationObject, 0));
    const cap::Tcb child(make(seL4_TCBObject, 0));
    check(endpoint.cptr() && notification.cptr() && child.cptr(),
          "retype endpoint, notification, tcb");

    const auto fault_ep = slots.take();
    check(root.mint(fault_ep, word_bits, root, endpoint.cptr(), word_bits, seL4_AllRights,
                    fault_badge)
              .ok(),
          "mint a badged fault endpoint");

    // The IPC buffer is a page of this image: its frame capability is in the boot info.
    const auto image_start = reinterpret_cast<seL4_Word>(__ehdr_start) / page * page;
    const auto buffer = reinterpret_cast<seL4_Word>(child_ipc_buffer);
    const cap::Page buffer_frame(bootinfo.userImageFrames.start + (buffer - image_start) / page);

    const seL4_CPtr reply = configure_child(bootinfo, child, fault_ep, buffer, buffer_frame, make);
    const auto layout = runtime::thread_tls_layout();
    check(layout.region_size <= sizeof child_tls && layout.region_align <= 64,
          "TLS fits the region");
    const auto thread_pointer = runtime::initialize_thread_tls(child_tls, sizeof child_tls);

    // Where the capability the child sends will land.
    const auto received_slot = slots.take();
    IpcBuffer::current().set_receive_slot(root.cptr(), received_slot, word_bits);

    seL4_UserContext registers{};
    arch::set_entry(registers, reinterpret_cast<seL4_Word>(&child_main),
                    reinterpret_cast<seL4_Word>(child_stack + sizeof child_stack), 5,
                    thread_pointer);
    check(child.write_registers(true, 0, sizeof registers / sizeof(seL4_Word), registers).ok(),
          "start the child");

    const auto call = receive(endpoint, reply);
    if (call.badge == fault_badge) {
        const auto early = decode_fault(call.info);
        std::printf("threads: the child faulted first: fault type %lu\n",
                    static_cast<unsigned long>(early.index()));
        if (const auto* vm = std::get_if<fault::VmFault>(&early))
            std::printf("threads: VMFault ip %lx address %lx\n", static_cast<unsigned long>(vm->ip),
                        static_cast<unsigned long>(vm->address));
        if (const auto* ue = std::get_if<fault::UserException>(&early))
            std::printf("threads: UserException ip %lx number %lu\n",
                        static_cast<unsigned long>(ue->ip), static_cast<unsigned long>(ue->number));
        if (const auto* cf = std::get_if<fault::CapFault>(&early))
            std::printf("threads: CapFault ip %lx address %lx\n",
                        static_cast<unsigned long>(cf->ip),
                        static_cast<unsigned long>(cf->address));
    }
    check(call.info.label() == 42 && call.info.length() == 2, "call arrives with label and length");
    check(get_mr(0) == 0x1234 && get_mr(1) == 105, "call data, and the child's own thread_local");
    check(marker == 7, "the parent's thread_local is untouched");
    check(call.info.extra_caps() == 1 && call.info.caps_unwrapped() == 0,
          "one capability transferred");
    if constexpr (sel4::config::debug_build)
        check(debug::cap_identify(received_slot) == debug::cap_identify(notification.cptr()),
              "the transferred capability is a notification");

    set_mr(0, 0x5678);
    const auto fault_message = reply_and_receive(endpoint, MessageInfo(0, 1), reply);
    check(fault_message.badge == fault_badge, "fault arrives on the badged fault endpoint");
    const auto fault = decode_fault(fault_message.info);
    const auto* vm_fault = std::get_if<fault::VmFault>(&fault);
    check(vm_fault && vm_fault->address == fault_address && !vm_fault->instruction_fetch,
          "decoded as a data VMFault at the address");
    check(child.suspend().ok(), "suspend the faulted child");

    if (failures) return failures;
    std::printf("threads: all passed\n");
    return 0;
}

SEL4_ROOT_TASK_MAIN(main_task)
