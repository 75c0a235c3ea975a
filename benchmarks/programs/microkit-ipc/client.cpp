// Microkit round trips with the C++ API: protected procedure calls to server.cpp, and notify /
// notified round trips with it. The C client (client.c, on libmicrokit) takes its turn after
// each repetition, over channel 1; benchmarks/microkit-ipc.py times the lines each loop prints
// (sel4-qemu-run --timestamps) and reports C++/C ratios.
#include <sel4/microkit.hpp>
#include <sel4/runtime/clock.hpp>
#include <sel4/runtime/message.hpp>

using namespace sel4::microkit;

namespace {
constexpr long rounds = 4000;
constexpr int repetitions = 5;
constexpr Channel server{0}, c_client{1};
} // namespace

class Client : public ProtectionDomain {
    int repetition_ = 0;
    long notifications_ = 0;
    std::uint64_t start_ = 0;

    // Where the runtime's clock runs (the Microkit aarch64 kernel exports the counter, which
    // counts instructions under QEMU's -icount), the loop's clock delta.
    void report_clock(const char* kind) {
        const auto elapsed = sel4::runtime::clock_nanoseconds() - start_;
        if (!sel4::runtime::clock_available()) return;
        sel4::runtime::Message<64> line;
        line << "microkit-ipc: clock " << kind << ' ' << elapsed << '\n';
        sel4::runtime::debug_write(line.view());
    }

    void init() override {
        sel4::runtime::debug_write("microkit-ipc: 4000 rounds\n");
        run();
    }

    // One repetition: the protected calls, then the first notification (the rest are answers).
    void run() {
        sel4::runtime::debug_write("microkit-ipc: begin ppcall c++\n");
        start_ = sel4::runtime::clock_nanoseconds();
        for (long i = 0; i < rounds; ++i)
            (void)server.pp_call(sel4::MessageInfo(0, 0));
        report_clock("ppcall c++");
        sel4::runtime::debug_write("microkit-ipc: end\n");
        sel4::runtime::debug_write("microkit-ipc: begin notify c++\n");
        notifications_ = 0;
        start_ = sel4::runtime::clock_nanoseconds();
        server.notify();
    }

    void notified(Channel channel) override {
        if (channel == server) {
            if (++notifications_ < rounds) {
                server.notify();
                return;
            }
            report_clock("notify c++");
            sel4::runtime::debug_write("microkit-ipc: end\n");
            c_client.notify(); // the C client's turn
        } else if (++repetition_ < repetitions) {
            run();
        } else {
            sel4::runtime::debug_write("microkit-ipc: done\n");
        }
    }
};

SEL4_MICROKIT_PD(Client)
