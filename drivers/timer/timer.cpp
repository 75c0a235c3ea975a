// Timer driver PD with sDDF's timer protocol: a client's protected call with label 0 answers the
// time in ns since boot (MR0), label 1 sets its one timeout, MR0 ns from now; when it expires the
// client is notified on the same channel.
//
//   device registers   setvar_vaddr="timer_regs" (riscv64's goldfish RTC; none on aarch64)
//   channels           0: the timer IRQ; 1..61: clients
#include <cstdio>

#include <sel4/drivers/timeouts.hpp>
#include <sel4/microkit.hpp>
#include <sel4/rings/timer.hpp>

#include "src/clock.hpp"

using namespace sel4::microkit;
using sel4::rings::timer::Label;

extern "C" sel4::microkit::Region<std::byte> timer_regs;
Region<std::byte> timer_regs{};

namespace {
constexpr Channel timer_irq{0};
}

class Timer : public ProtectionDomain {
    sel4::drivers::Timeouts<max_channels> timeouts_;
    bool running_ = false;

    void init() override {
        if (!timer_hw::start(timer_regs.address)) {
            std::printf("timer: no %s; driver stopped\n", timer_hw::name());
            return;
        }
        running_ = true;
        std::printf("timer: %s\n", timer_hw::name());
    }

    void program() {
        if (auto next = timeouts_.next())
            timer_hw::set_alarm(*next);
        else
            timer_hw::clear();
    }

    void notified(Channel channel) override {
        if (!running_ || !(channel == timer_irq)) return;
        timer_hw::clear();
        timeouts_.expire(timer_hw::now_ns(), [](unsigned client) { Channel(client).notify(); });
        program();
        timer_irq.deferred_irq_ack();
    }

    sel4::MessageInfo protected_call(Channel channel, sel4::MessageInfo message) override {
        if (!running_) return sel4::MessageInfo(1, 0);
        switch (static_cast<Label>(message.label())) {
        case Label::get_time:
            sel4::set_mr(0, timer_hw::now_ns());
            return sel4::MessageInfo(0, 1);
        case Label::set_timeout:
            if (message.length() < 1 || channel == timer_irq) break;
            timeouts_.set(channel.id(), timer_hw::now_ns(), sel4::get_mr(0));
            program();
            return sel4::MessageInfo(0, 0);
        }
        return sel4::MessageInfo(1, 0);
    }
};

SEL4_MICROKIT_PD(Timer)
