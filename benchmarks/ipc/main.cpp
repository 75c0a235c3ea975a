// Typed IPC against hand-written set_mr/get_mr: the same call (two words in, one out) between
// two threads, made both ways. Reports cycles per round trip where a counter is readable, and
// the sizes of the two call paths and server paths (the script compares them).
#include <cstdint>
#include <cstdio>

#include <sel4/env.hpp>
#include <sel4/ipc.hpp>
#include <sel4/root_task.hpp>
#include <sel4/runtime/clock.hpp>
#include <sel4/thread.hpp>

namespace {

using namespace sel4;

using Add = ipc::Method<1, std::uint64_t(std::uint64_t, std::uint64_t)>;
using Protocol = ipc::Interface<Add>;

// The client side, both ways (not inlined, so that their code can be compared).
[[gnu::noinline]] std::uint64_t hand_written_call(cap::Endpoint ep, std::uint64_t a,
                                                  std::uint64_t b) {
    set_mr(0, a);
    set_mr(1, b);
    const auto reply = ep.call(MessageInfo(1, 2));
    return reply.label() == 0 && reply.length() == 1 ? get_mr(0) : 0;
}
[[gnu::noinline]] std::uint64_t typed_call(cap::Endpoint ep, std::uint64_t a, std::uint64_t b) {
    return ipc::client<Protocol>(ep).call<Add>(a, b).value_or(0);
}

struct Adder {
    std::uint64_t operator()(Add, std::uint64_t a, std::uint64_t b) { return a + b; }
};

// The server side, both ways.
[[gnu::noinline]] MessageInfo hand_written_serve(MessageInfo request) {
    if (request.label() != 1 || request.length() != 2 || request.extra_caps() != 0)
        return MessageInfo(1, 0);
    set_mr(0, get_mr(0) + get_mr(1));
    return MessageInfo(0, 1);
}
[[gnu::noinline]] MessageInfo typed_serve(MessageInfo request) {
    Adder adder;
    return ipc::dispatch<Protocol>(adder, request);
}

auto receive(const auto& ep, auto reply) {
    if constexpr (kernel_is_mcs)
        return ep.recv(reply);
    else
        return ep.recv();
}
auto reply_and_receive(const auto& ep, MessageInfo info, auto reply) {
    if constexpr (kernel_is_mcs)
        return ep.reply_recv(info, reply);
    else
        return ep.reply_recv(info);
}

std::uint64_t now() {
    return runtime::clock_available() ? runtime::clock_nanoseconds() : 0;
}

} // namespace

int main_task(Env& env) {
    constexpr int rounds = 20000;
    const auto hand_ep = env.allocate<cap::Endpoint>().value();
    const auto typed_ep = env.allocate<cap::Endpoint>().value();
    cap::Reply hand_reply, typed_reply;
#ifdef CONFIG_KERNEL_MCS
    hand_reply = env.allocate<cap::Reply>().value();
    typed_reply = env.allocate<cap::Reply>().value();
#endif
    auto serve = [](cap::Endpoint ep, cap::Reply reply, MessageInfo (*handler)(MessageInfo)) {
        auto request = receive(ep, reply).info;
        for (;;)
            request = reply_and_receive(ep, handler(request), reply).info;
    };
    auto hand_server = Thread::start(env, [&] { serve(hand_ep, hand_reply, hand_written_serve); });
    auto typed_server = Thread::start(env, [&] { serve(typed_ep, typed_reply, typed_serve); });
    if (!hand_server || !typed_server) return 1;

    std::uint64_t sums[2] = {}, nanoseconds[2] = {};
    for (int pass = 0; pass < 2; ++pass) { // the second pass is the one reported (warm)
        auto start = now();
        for (int i = 0; i < rounds; ++i)
            sums[0] += hand_written_call(hand_ep, static_cast<std::uint64_t>(i), 1);
        nanoseconds[0] = now() - start;
        start = now();
        for (int i = 0; i < rounds; ++i)
            sums[1] += typed_call(typed_ep, static_cast<std::uint64_t>(i), 1);
        nanoseconds[1] = now() - start;
    }
    if (runtime::clock_available())
        std::printf(
            "ipc-benchmark: %d round trips: hand-written %llu ns each, typed %llu ns each\n",
            rounds, static_cast<unsigned long long>(nanoseconds[0] / rounds),
            static_cast<unsigned long long>(nanoseconds[1] / rounds));
    else
        std::printf("ipc-benchmark: %d round trips each way (no user-readable counter here)\n",
                    rounds);
    std::printf("ipc-benchmark: sums %s\n", sums[0] == sums[1] ? "agree" : "DIFFER");
    (void)hand_server->tcb().suspend();
    (void)typed_server->tcb().suspend();
    hand_server->detach();
    typed_server->detach();
    return sums[0] == sums[1] ? 0 : 1;
}

SEL4_ROOT_TASK_MAIN(main_task)
