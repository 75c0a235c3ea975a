// Microkit round trips with the C++ API: protected procedure calls to server.cpp, and notify /
// notified round trips with it. The C client (client.c, on libmicrokit) takes its turn after
// each repetition, over channel 1; benchmarks/microkit-ipc.py times the lines each loop prints
// (sel4-qemu-run --timestamps) and reports C++/C ratios.
#include <sel4/microkit.hpp>

using namespace sel4::microkit;

namespace {
constexpr long rounds = 4000;
constexpr int repetitions = 5;
constexpr Channel server{0}, c_client{1};
} // namespace

class Client : public ProtectionDomain {
    int repetition_ = 0;
    long notifications_ = 0;

    void init() override {
        sel4::runtime::debug_write("microkit-ipc: 4000 rounds\n");
        run();
    }

    // One repetition: the protected calls, then the first notification (the rest are answers).
    void run() {
        sel4::runtime::debug_write("microkit-ipc: begin ppcall c++\n");
        for (long i = 0; i < rounds; ++i)
            (void)server.pp_call(sel4::MessageInfo(0, 0));
        sel4::runtime::debug_write("microkit-ipc: end\n");
        sel4::runtime::debug_write("microkit-ipc: begin notify c++\n");
        notifications_ = 0;
        server.notify();
    }

    void notified(Channel channel) override {
        if (channel == server) {
            if (++notifications_ < rounds) {
                server.notify();
                return;
            }
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
