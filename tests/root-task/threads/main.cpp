// Threads as a user starts them: sel4::Thread (its own TCB, stack, TLS, IPC buffer; a call with
// a capability to the initial thread; a fault delivered to a handler and decoded), then the
// standard library's std::thread, std::mutex, std::condition_variable, std::shared_mutex,
// thread_local and std::this_thread on top, on every core of an SMP kernel.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <variant>
#include <vector>

#include <sel4/env.hpp>
#include <sel4/fault.hpp>
#include <sel4/ipc.hpp>
#include <sel4/root_task.hpp>
#include <sel4/runtime/clock.hpp>
#include <sel4/thread.hpp>

namespace {

using namespace sel4;

int failures = 0;

void check(bool ok, const char* what) {
    std::printf("threads: %s: %s\n", what, ok ? "ok" : "FAILED");
    if (!ok) ++failures;
}

thread_local int marker = 7; // each thread has its own
constexpr seL4_Word fault_badge = 0xfa;
constexpr seL4_Word fault_address = 0x10;

// The receive family takes the reply object on MCS kernels; generic so that only this
// kernel's form is compiled.
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

void ipc_and_fault(Env& env) {
    const auto endpoint = env.allocate<cap::Endpoint>().value();
    const auto notification = env.allocate<cap::Notification>().value();
    cap::Reply reply;
#ifdef CONFIG_KERNEL_MCS
    reply = env.allocate<cap::Reply>().value();
#endif
    const auto received_slot = env.allocate_slot().value();
    IpcBuffer::current().set_receive_slot(Env::cnode().cptr(), received_slot, seL4_WordBits);

    auto child = Thread::start(
        env,
        [&] {
            marker = 105;
            set_mr(0, 0x1234);
            set_mr(1, static_cast<seL4_Word>(marker));
            IpcBuffer::current().set_cap(0, notification.cptr());
            const auto answer = endpoint.call(MessageInfo(42, 2, 1));
            if (answer.label() == 0 && get_mr(0) == 0x5678) {
                volatile int* volatile target = reinterpret_cast<volatile int*>(fault_address);
                *target = 1; // fault on purpose
            }
        },
        {.fault_endpoint = endpoint, .fault_badge = fault_badge, .name = "faulting-child"});
    check(child.has_value(), "start a thread with a fault handler");
    if (!child) return;

    const auto call = receive(endpoint, reply);
    check(call.badge == 0 && call.info.label() == 42 && call.info.length() == 2,
          "call arrives with label and length");
    check(get_mr(0) == 0x1234 && get_mr(1) == 105, "call data, and the child's own thread_local");
    check(marker == 7, "the initial thread's thread_local is untouched");
    check(call.info.extra_caps() == 1 && call.info.caps_unwrapped() == 0,
          "one capability transferred");
    if constexpr (config::debug_build)
        check(debug::cap_identify(received_slot) == debug::cap_identify(CPtr(notification)),
              "the transferred capability is a notification");

    set_mr(0, 0x5678);
    const auto fault_message = reply_and_receive(endpoint, MessageInfo(0, 1), reply);
    check(fault_message.badge == fault_badge, "fault arrives on the badged fault endpoint");
    const auto fault = decode_fault(fault_message.info);
    const auto* vm_fault = std::get_if<fault::VmFault>(&fault);
    check(vm_fault && vm_fault->address == fault_address && !vm_fault->instruction_fetch,
          "decoded as a data VMFault at the address");
    check(child->tcb().suspend().ok(), "suspend the faulted thread");
    child->detach(); // it never finishes
}

// An exception of the processor's own (a trap instruction) reaches the fault handler decoded.
void user_exception(Env& env) {
    const auto endpoint = env.allocate<cap::Endpoint>().value();
    cap::Reply reply;
#ifdef CONFIG_KERNEL_MCS
    reply = env.allocate<cap::Reply>().value();
#endif
    auto child = Thread::start(env, [] { __builtin_trap(); },
                               {.fault_endpoint = endpoint, .fault_badge = 7});
    if (!child) return check(false, "start a trapping thread");
    const auto message = receive(endpoint, reply);
    const auto fault = decode_fault(message.info);
    const auto* exception = std::get_if<fault::UserException>(&fault);
    std::printf("threads: trap: %s", fault_name(fault));
    if (exception)
        std::printf(" number %lu code %lu at ip %#lx, sp %#lx",
                    static_cast<unsigned long>(exception->number),
                    static_cast<unsigned long>(exception->code),
                    static_cast<unsigned long>(exception->ip),
                    static_cast<unsigned long>(exception->sp));
    std::printf("\n");
#ifdef CONFIG_ARM_HYPERVISOR_SUPPORT
    // Hypervisor kernels report the exceptions of a thread without a VCPU as VCPU faults,
    // carrying the syndrome register.
    const bool decoded = std::holds_alternative<fault::VcpuFault>(fault);
#else
    const bool decoded = exception && exception->ip != 0 && exception->sp != 0;
#endif
    check(message.badge == 7 && decoded,
          "a trap is a decoded UserException (a VCPU fault on hypervisor kernels)");
    (void)child->tcb().suspend();
    child->detach();
}

// A protocol described once, served by one thread and called by another.
namespace calc {
struct Pair {
    std::uint32_t a, b;
};
using Add = ipc::Method<1, std::uint64_t(std::uint64_t, std::uint64_t)>;
using Divide = ipc::Method<2, Result<std::int64_t>(std::int64_t, std::int64_t)>;
using Swap = ipc::Method<3, Pair(Pair)>;
using Ping = ipc::Method<4, void(cap::Notification)>;
using Protocol = ipc::Interface<Add, Divide, Swap, Ping>;
} // namespace calc

struct CalcServer {
    seL4_CPtr receive_slot;
    std::uint64_t operator()(calc::Add, std::uint64_t a, std::uint64_t b) { return a + b; }
    Result<std::int64_t> operator()(calc::Divide, std::int64_t a, std::int64_t b) {
        if (b == 0) return Error::range_error;
        return a / b;
    }
    calc::Pair operator()(calc::Swap, calc::Pair p) { return {p.b, p.a}; }
    void operator()(calc::Ping, cap::Notification notification) {
        notification.signal();
        (void)Env::cnode().delete_(receive_slot, seL4_WordBits); // ready for the next one
    }
};

void typed_ipc(Env& env) {
    const auto endpoint = env.allocate<cap::Endpoint>().value();
    const auto notification = env.allocate<cap::Notification>().value();
    const auto receive_slot = env.allocate_slot().value();
    cap::Reply reply;
#ifdef CONFIG_KERNEL_MCS
    reply = env.allocate<cap::Reply>().value();
#endif
    auto server = Thread::start(
        env,
        [&] {
            IpcBuffer::current().set_receive_slot(Env::cnode().cptr(), receive_slot, seL4_WordBits);
            CalcServer calculator{receive_slot};
            auto request = receive(endpoint, reply).info;
            for (;;)
                request = reply_and_receive(
                              endpoint, ipc::dispatch<calc::Protocol>(calculator, request), reply)
                              .info;
        },
        {.name = "calc-server"});
    if (!server) return check(false, "start the server thread");

    const auto calculator = ipc::client<calc::Protocol>(endpoint);
    check(calculator.call<calc::Add>(20, 22).value_or(0) == 42, "typed call: Add");
    check(calculator.call<calc::Divide>(-84, 2).value_or(0) == -42, "typed call: Divide");
    check(calculator.call<calc::Divide>(1, 0).error() == Error::range_error,
          "typed call: the server's error comes back as the Result's");
    const auto swapped = calculator.call<calc::Swap>(calc::Pair{1, 2});
    check(swapped && swapped->a == 2 && swapped->b == 1, "typed call: a struct both ways");
    // The server signals the capability it receives: a badged one, to see it arrive.
    const auto badged = env.allocate_slot().value();
    (void)Env::cnode().mint(badged, seL4_WordBits, Env::cnode(), notification.cptr(), seL4_WordBits,
                            seL4_AllRights, 5);
    check(calculator.call<calc::Ping>(cap::Notification(badged)).ok() && notification.poll() == 5,
          "typed call: a capability argument");
    check(calculator.call<calc::Ping>(cap::Notification(badged)).ok() && notification.poll() == 5,
          "typed call: again (the server emptied its receive slot)");
    // Hostile or mistaken clients get an error, never a misread call.
    check(endpoint.call(MessageInfo(99, 0)).label() == seL4_Word(Error::invalid_argument),
          "an unknown label is answered with an error");
    check(endpoint.call(MessageInfo(calc::Add::label, 1)).label() ==
              seL4_Word(Error::invalid_argument),
          "a short message is answered with an error");
    check(endpoint.call(MessageInfo(calc::Ping::label, 0)).label() ==
              seL4_Word(Error::invalid_argument),
          "a call missing its capability is answered with an error");
    (void)server->tcb().suspend();
    server->detach(); // it serves forever
}

void join_and_recycle(Env& env) {
    std::atomic<int> ran{0};
    {
        auto first = Thread::start(env, [&] { ran += 1; });
        check(first && (first->join(), ran == 1), "a thread runs and is joined");
    }
    const auto memory = env.memory_available();
    for (int i = 0; i < 20; ++i) {
        auto again = Thread::start(env, [&] { ran += 1; });
        if (!again) break;
    } // each joined by ~Thread
    check(ran == 21, "20 more threads, each joined");
    check(env.memory_available() == memory, "finished threads are reused, not leaked");
}

void on_every_core(Env& env) {
    std::atomic<int> ran{0};
    std::vector<Thread> threads;
    for (seL4_Word core = 0; core < env.cores(); ++core) {
        auto started = Thread::start(env, [&] { ran += 1; }, {.core = core});
        if (started) threads.push_back(std::move(*started));
    }
    threads.clear(); // joins
    std::printf("threads: %lu core(s)\n", static_cast<unsigned long>(env.cores()));
    check(ran == static_cast<int>(env.cores()), "a thread on every core");
    check(Thread::start(env, [] {}, {.core = env.cores()}).error() == Error::invalid_argument,
          "no such core is Error::invalid_argument");
}

void standard_threads() {
    constexpr int threads = 4, rounds = 1000;
    std::mutex mutex;
    long total = 0;
    std::vector<std::thread> workers;
    std::atomic<int> distinct_markers{0};
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            marker = 1000 + t;
            for (int i = 0; i < rounds; ++i) {
                std::lock_guard<std::mutex> guard(mutex);
                ++total;
                if (i % 100 == 0) std::this_thread::yield();
            }
            if (marker == 1000 + t) distinct_markers += 1;
        });
    for (auto& worker : workers)
        worker.join();
    check(total == threads * rounds, "std::thread x4 contending on a std::mutex");
    check(distinct_markers == threads && marker == 7, "thread_local per std::thread");

    // A producer and a consumer through a condition variable.
    std::condition_variable ready;
    std::deque<int> queue;
    long sum = 0;
    std::thread consumer([&] {
        for (int received = 0; received < 100; ++received) {
            std::unique_lock<std::mutex> lock(mutex);
            ready.wait(lock, [&] { return !queue.empty(); });
            sum += queue.front();
            queue.pop_front();
        }
    });
    for (int i = 1; i <= 100; ++i) {
        {
            std::lock_guard<std::mutex> guard(mutex);
            queue.push_back(i);
        }
        ready.notify_one();
        if (i % 10 == 0) std::this_thread::yield();
    }
    consumer.join();
    check(sum == 5050, "std::condition_variable between two threads");
    check(std::this_thread::get_id() != consumer.get_id(), "thread ids differ");
}

void shared_and_timed_mutexes() {
    std::shared_mutex shared;
    {
        std::shared_lock reader(shared);
        const bool second_reader = shared.try_lock_shared();
        if (second_reader) shared.unlock_shared();
        check(second_reader && !shared.try_lock(),
              "std::shared_mutex: readers share, exclude writers");
    }
    // Writers keep the two counts equal; readers must never see them apart.
    constexpr int rounds = 200;
    long first = 0, second = 0;
    std::atomic<int> torn{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < 2; ++t) {
        workers.emplace_back([&] {
            for (int i = 0; i < rounds; ++i) {
                std::unique_lock writer(shared);
                ++first;
                if (i % 10 == 0) std::this_thread::yield();
                ++second;
            }
        });
        workers.emplace_back([&] {
            for (int i = 0; i < rounds; ++i) {
                std::shared_lock reader(shared);
                if (first != second) torn += 1;
                if (i % 10 == 0) std::this_thread::yield();
            }
        });
    }
    for (auto& worker : workers)
        worker.join();
    check(torn == 0 && first == 2 * rounds && second == first,
          "std::shared_mutex: 2 writers and 2 readers");

    if (!runtime::clock_available()) return; // a timed wait would never end
    std::shared_timed_mutex timed;
    timed.lock();
    bool got = true;
    std::thread([&] { got = timed.try_lock_shared_for(std::chrono::milliseconds(5)); }).join();
    timed.unlock();
    check(!got, "std::shared_timed_mutex: a reader's wait for a writer times out");
    std::timed_mutex exclusive;
    exclusive.lock();
    got = true;
    std::thread([&] { got = exclusive.try_lock_for(std::chrono::milliseconds(5)); }).join();
    exclusive.unlock();
    check(!got, "std::timed_mutex: a wait for its owner times out");
}

void clock_and_sleep() {
    using namespace std::chrono;
    if (!runtime::clock_available()) {
        std::printf("threads: no user-readable counter on this kernel: steady_clock does not "
                    "advance\n");
        return;
    }
    const auto start_ns = runtime::clock_nanoseconds();
    const auto before = steady_clock::now();
    std::this_thread::sleep_for(milliseconds(20));
    const auto slept = duration_cast<milliseconds>(steady_clock::now() - before).count();
    std::printf(
        "threads: counter at %llu Hz; sleep_for(20ms) took %lld ms (%llu ns by the counter)\n",
        static_cast<unsigned long long>(runtime::clock_frequency()), static_cast<long long>(slept),
        static_cast<unsigned long long>(runtime::clock_nanoseconds() - start_ns));
    check(slept >= 20 && slept < 2000, "steady_clock and sleep_for");
}

} // namespace

int main_task(Env& env) {
    ipc_and_fault(env);
    user_exception(env);
    typed_ipc(env);
    join_and_recycle(env);
    on_every_core(env);
    standard_threads();
    shared_and_timed_mutexes();
    clock_and_sleep();
    if (failures) return failures;
    std::printf("threads: all passed\n");
    return 0;
}

SEL4_ROOT_TASK_MAIN(main_task)
