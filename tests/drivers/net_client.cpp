// Network test client: lwIP over the virtio-net driver, answering UDP and TCP echo on port 7 at
// 10.0.2.15 (QEMU's user network). The host side of the test talks to it through forwards.
#include <cstdio>

#include <lwip/tcp.h>
#include <lwip/udp.h>
#include <sel4/drivers/clients.hpp>
#include <sel4/lwip/net_interface.hpp>
#include <sel4/microkit.hpp>

using namespace sel4::microkit;

extern "C" {
extern Region<std::byte> rx_free;
extern Region<std::byte> rx_active;
extern Region<std::byte> tx_free;
extern Region<std::byte> tx_active;
extern std::uint64_t queue_size;
extern Region<std::byte> rx_data;
extern std::uint64_t rx_data_size;
extern Region<std::byte> tx_data;
extern std::uint64_t tx_data_size;
}
Region<std::byte> rx_free{};
Region<std::byte> rx_active{};
Region<std::byte> tx_free{};
Region<std::byte> tx_active{};
std::uint64_t queue_size{};
Region<std::byte> rx_data{};
std::uint64_t rx_data_size{};
Region<std::byte> tx_data{};
std::uint64_t tx_data_size{};

namespace {
constexpr Channel driver{0};
constexpr sel4::drivers::TimerClient timer{Channel{1}};
constexpr std::uint64_t tick_ns = 50'000'000;
constexpr std::uint32_t ring_capacity = 512;
sel4::lwip::NetInterface net;

void on_udp_receive(void*, udp_pcb* pcb, pbuf* p, const ip_addr_t* address, u16_t port) {
    udp_sendto(pcb, p, address, port);
    pbuf_free(p);
}

err_t on_tcp_receive(void*, tcp_pcb* pcb, pbuf* p, err_t) {
    if (!p) {
        tcp_close(pcb);
        return ERR_OK;
    }
    if (tcp_sndbuf(pcb) < p->tot_len) return ERR_MEM; // lwIP offers it again later
    for (pbuf* q = p; q; q = q->next)
        if (tcp_write(pcb, q->payload, q->len, TCP_WRITE_FLAG_COPY) != ERR_OK) break;
    tcp_recved(pcb, p->tot_len);
    tcp_output(pcb);
    pbuf_free(p);
    return ERR_OK;
}

err_t on_tcp_sent(void*, tcp_pcb* pcb, u16_t) {
    tcp_output(pcb);
    return ERR_OK;
}

err_t on_accept(void*, tcp_pcb* pcb, err_t err) {
    if (err != ERR_OK || !pcb) return ERR_VAL;
    tcp_nagle_disable(pcb);
    tcp_recv(pcb, on_tcp_receive);
    tcp_sent(pcb, on_tcp_sent);
    return ERR_OK;
}
} // namespace

class NetClient : public ProtectionDomain {
    void init() override {
        sel4::lwip::set_clock([] { return timer.now_ns(); });
        sel4::lwip::seed_random(timer.now_ns());
        const auto mac = sel4::drivers::query_mac(driver);
        const sel4::lwip::NetQueues queues{
            rx_free.get(), rx_active.get(), tx_free.get(), tx_active.get(), queue_size,
            ring_capacity, rx_data.get(),   rx_data_size,  tx_data.get(),   tx_data_size};
        auto started = net.start(queues, mac, {{10, 0, 2, 15}, {255, 255, 255, 0}, {10, 0, 2, 2}},
                                 [] { driver.notify(); });
        if (!started) {
            std::printf("net-client: FAILED: %s\n", sel4::rings::describe(started.error()).data());
            return;
        }
        udp_pcb* udp = udp_new();
        tcp_pcb* listener = tcp_new();
        if (!udp || udp_bind(udp, IP_ADDR_ANY, 7) != ERR_OK || !listener ||
            tcp_bind(listener, IP_ADDR_ANY, 7) != ERR_OK) {
            std::printf("net-client: FAILED: cannot bind port 7\n");
            return;
        }
        udp_recv(udp, on_udp_receive, nullptr);
        listener = tcp_listen(listener);
        tcp_accept(listener, on_accept);
        timer.set_timeout(tick_ns);
        std::printf("net-client: ready: echo on 10.0.2.15 port 7 (UDP and TCP)\n");
    }

    void notified(Channel channel) override {
        if (channel == driver) {
            if (auto received = net.receive(); !received) {
                std::printf("net-client: FAILED: %s\n",
                            sel4::rings::describe(received.error()).data());
                return;
            }
        } else {
            timer.set_timeout(tick_ns);
        }
        net.poll();
    }
};

SEL4_MICROKIT_PD(NetClient, .heap_size = 1 << 20)
