// IPC round trips (call / reply-receive between two threads) and notification round trips
// (signal / wait, both ways), with the C++ API and with libsel4 from C, in the same boot.
// Each loop is announced by a line; benchmarks/ipc.py times the lines (sel4-qemu-run
// --timestamps) and reports C++/C ratios. Non-MCS kernels.
#include <cstdio>

#include <sel4/runtime/clock.hpp>

#include <sel4/bootinfo.hpp>
#include <sel4/root_task.hpp>
#include <sel4/sel4.hpp>
#include <sel4/user_context.hpp>

extern "C" {
extern const char __ehdr_start[];
void ipc_c_call_server(seL4_CPtr endpoint);
void ipc_c_signal_server(seL4_CPtr ping, seL4_CPtr pong);
void ipc_c_calls(seL4_CPtr endpoint, long rounds);
void ipc_c_signals(seL4_CPtr ping, seL4_CPtr pong, long rounds);
}

namespace {

using namespace sel4;

constexpr long rounds = 10000;
constexpr int repetitions = 5;
constexpr seL4_Word page = 4096;

// A server thread's memory (its IPC buffer is a page of this image).
struct Thread {
    alignas(4096) std::byte ipc_buffer[page];
    alignas(16) std::byte stack[8 * 1024];
    alignas(64) std::byte tls[1024];
} threads[4];

cap::Endpoint cpp_endpoint, c_endpoint;
cap::Notification cpp_ping, cpp_pong, c_ping, c_pong;

void set_ipc_buffer(seL4_Word index) {
    seL4_SetIPCBuffer(reinterpret_cast<seL4_IPCBuffer*>(threads[index].ipc_buffer));
}

void cpp_call_server(seL4_Word index) {
    set_ipc_buffer(index);
    (void)cpp_endpoint.recv();
    for (;;)
        (void)cpp_endpoint.reply_recv(MessageInfo(0, 1));
}

void cpp_signal_server(seL4_Word index) {
    set_ipc_buffer(index);
    for (;;) {
        (void)cpp_ping.wait();
        cpp_pong.signal();
    }
}

void c_call_server(seL4_Word index) {
    set_ipc_buffer(index);
    ipc_c_call_server(c_endpoint.cptr());
}

void c_signal_server(seL4_Word index) {
    set_ipc_buffer(index);
    ipc_c_signal_server(c_ping.cptr(), c_pong.cptr());
}

void cpp_calls() {
    for (long i = 0; i < rounds; ++i) {
        set_mr(0, static_cast<seL4_Word>(i));
        (void)cpp_endpoint.call(MessageInfo(0, 1));
    }
}

void cpp_signals() {
    for (long i = 0; i < rounds; ++i) {
        cpp_ping.signal();
        (void)cpp_pong.wait();
    }
}

} // namespace

int main_task(const seL4_BootInfo& bootinfo) {
    seL4_CPtr next = bootinfo.empty.start;
    const auto untyped = BootInfo(bootinfo).find_memory(16);
    auto make = [&](seL4_Word type) {
        const auto slot = next++;
        if (!untyped.retype(type, 0, init_thread::cnode, 0, 0, slot, 1).ok())
            sel4::panic("ipc-bench: retype failed");
        return slot;
    };
    cpp_endpoint = cap::Endpoint(make(seL4_EndpointObject));
    c_endpoint = cap::Endpoint(make(seL4_EndpointObject));
    cpp_ping = cap::Notification(make(seL4_NotificationObject));
    cpp_pong = cap::Notification(make(seL4_NotificationObject));
    c_ping = cap::Notification(make(seL4_NotificationObject));
    c_pong = cap::Notification(make(seL4_NotificationObject));
    const auto image_start = reinterpret_cast<seL4_Word>(__ehdr_start) / page * page;
    void (*entries[4])(seL4_Word) = {cpp_call_server, cpp_signal_server, c_call_server,
                                     c_signal_server};
    for (seL4_Word i = 0; i < 4; ++i) {
        Thread& thread = threads[i];
        const cap::Tcb tcb(make(seL4_TCBObject));
        const auto buffer = reinterpret_cast<seL4_Word>(thread.ipc_buffer);
        const cap::Page frame(bootinfo.userImageFrames.start + (buffer - image_start) / page);
        if (!tcb.configure(0, init_thread::cnode, 0, init_thread::vspace, 0, buffer, frame).ok() ||
            !tcb.set_priority(init_thread::tcb, 254).ok())
            sel4::panic("ipc-bench: configuring a server failed");
        const auto tp = runtime::initialize_thread_tls(thread.tls, sizeof thread.tls);
        seL4_UserContext registers{};
        arch::set_entry(registers, reinterpret_cast<seL4_Word>(entries[i]),
                        reinterpret_cast<seL4_Word>(thread.stack + sizeof thread.stack), i, tp);
        if (!tcb.write_registers(true, 0, sizeof registers / sizeof(seL4_Word), registers).ok())
            sel4::panic("ipc-bench: starting a server failed");
    }

    std::printf("ipc-bench: %ld rounds, %d repetitions\n", rounds, repetitions);
    // Each loop between its begin line and the next line; where the runtime's clock runs (x86's
    // TSC, which counts instructions under QEMU's -icount shift=0), also its clock delta.
    auto run = [](const char* kind, auto loop) {
        std::printf("ipc-bench: begin %s\n", kind);
        const auto start = runtime::clock_nanoseconds();
        loop();
        const auto elapsed = runtime::clock_nanoseconds() - start;
        if (runtime::clock_available())
            std::printf("ipc-bench: clock %s %llu\n", kind,
                        static_cast<unsigned long long>(elapsed));
    };
    for (int r = 0; r < repetitions; ++r) {
        run("call c++", cpp_calls);
        run("call c", [] { ipc_c_calls(c_endpoint.cptr(), rounds); });
        run("signal c++", cpp_signals);
        run("signal c", [] { ipc_c_signals(c_ping.cptr(), c_pong.cptr(), rounds); });
        std::printf("ipc-bench: end\n");
    }
    std::printf("ipc-bench: done\n");
    return 0;
}

SEL4_ROOT_TASK_MAIN(main_task)
