// libFuzzer plays a hostile network driver (and whoever is on the wire): frames of any content,
// well-formed ARP, UDP and TCP with fuzzed fields, buffers outside the receive region, lengths
// beyond a buffer, time jumps. The interface must hand lwIP only what lies in its buffers, keep
// every transmit buffer it produces inside its region, and never stop over a bad buffer.
#include <array>
#include <cstdlib>
#include <cstdio>
#include <cstring>

#include <lwip/tcp.h>
#include <lwip/udp.h>
#include <sel4/lwip/net_interface.hpp>

using namespace sel4::rings;
using namespace sel4::rings::net;

namespace {

constexpr std::uint32_t capacity = 16;
alignas(4096) std::byte queues[4][4096];
alignas(4096) std::byte rx_data[capacity * buffer_size], tx_data[capacity * buffer_size];
std::uint64_t now_ns = 0;
sel4::lwip::NetInterface interface;
QueueConsumer rx_free, tx_active;
QueueProducer rx_active, tx_free;

void check(bool condition, int line = __builtin_LINE()) {
    if (condition) return;
    std::fprintf(stderr, "check failed at line %d\n", line);
    std::abort();
}

void udp_echo(void*, udp_pcb* pcb, pbuf* p, const ip_addr_t* a, u16_t port) {
    udp_sendto(pcb, p, a, port);
    pbuf_free(p);
}
err_t tcp_echo(void*, tcp_pcb* pcb, pbuf* p, err_t) {
    if (!p) return tcp_close(pcb), ERR_OK;
    tcp_write(pcb, p->payload, p->len, TCP_WRITE_FLAG_COPY);
    tcp_recved(pcb, p->tot_len);
    pbuf_free(p);
    return ERR_OK;
}
err_t accepted(void*, tcp_pcb* pcb, err_t) {
    tcp_recv(pcb, tcp_echo);
    return ERR_OK;
}

bool start() {
    sel4::lwip::set_clock([] { return now_ns; });
    const sel4::lwip::NetQueues q{queues[0], queues[1], queues[2],      queues[3], 4096,
                                  capacity,  rx_data,   sizeof rx_data, tx_data,   sizeof tx_data};
    if (!interface.start(q, {2, 0, 0, 0, 0, 1}, {{10, 0, 2, 15}, {255, 255, 255, 0}, {10, 0, 2, 2}},
                         nullptr))
        return false;
    rx_free =
        QueueConsumer::attach(Queue::at(queues[0], 4096, capacity).value(), {0, sizeof rx_data})
            .value();
    rx_active = QueueProducer::attach(Queue::at(queues[1], 4096, capacity).value()).value();
    tx_free = QueueProducer::attach(Queue::at(queues[2], 4096, capacity).value()).value();
    tx_active =
        QueueConsumer::attach(Queue::at(queues[3], 4096, capacity).value(), {0, sizeof tx_data})
            .value();
    udp_pcb* u = udp_new();
    udp_bind(u, IP_ADDR_ANY, 7);
    udp_recv(u, udp_echo, nullptr);
    tcp_pcb* t = tcp_new();
    tcp_bind(t, IP_ADDR_ANY, 7);
    t = tcp_listen(t);
    tcp_accept(t, accepted);
    return true;
}

struct Input {
    const std::uint8_t* data;
    std::size_t size;
    std::uint8_t byte() { return size ? (--size, *data++) : 0; }
    std::uint16_t u16() { return static_cast<std::uint16_t>(byte() << 8 | byte()); }
};

std::uint16_t checksum(const std::uint8_t* p, std::size_t n, std::uint32_t sum = 0) {
    for (std::size_t i = 0; i + 1 < n; i += 2)
        sum += (p[i] << 8) | p[i + 1];
    if (n & 1) sum += p[n - 1] << 8;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum);
}

// An IPv4 frame to us from 10.0.2.2, protocol `proto`, with a correct checksum over `l4`.
std::size_t ip_frame(std::uint8_t* f, std::uint8_t proto, const std::uint8_t* l4, std::size_t n,
                     std::size_t checksum_at) {
    const std::uint8_t head[] = {2, 0, 0, 0, 0, 1, 0x52, 0x55, 10, 0, 2, 2, 8, 0};
    std::memcpy(f, head, 14);
    std::uint8_t* ip = f + 14;
    const std::size_t total = 20 + n;
    const std::uint8_t iph[20] = {0x45,
                                  0,
                                  std::uint8_t(total >> 8),
                                  std::uint8_t(total),
                                  0,
                                  1,
                                  0,
                                  0,
                                  64,
                                  proto,
                                  0,
                                  0,
                                  10,
                                  0,
                                  2,
                                  2,
                                  10,
                                  0,
                                  2,
                                  15};
    std::memcpy(ip, iph, 20);
    const std::uint16_t c = checksum(ip, 20);
    ip[10] = c >> 8, ip[11] = c & 0xff;
    std::uint8_t* l = ip + 20;
    std::memcpy(l, l4, n);
    l[checksum_at] = l[checksum_at + 1] = 0;
    std::uint32_t pseudo = (10 << 8) + 2 + 2 * 0 + ((10 << 8) + 2) + 15 + proto + n;
    const std::uint16_t lc = checksum(l, n, pseudo);
    l[checksum_at] = lc >> 8, l[checksum_at + 1] = lc & 0xff;
    return 14 + total;
}

void deliver(const std::uint8_t* frame, std::size_t n) {
    auto buffer = rx_free.pop();
    if (!buffer) return;
    n = n > buffer_size ? buffer_size : n;
    std::memcpy(rx_data + buffer->io_or_offset, frame, n);
    (void)rx_active.push({buffer->io_or_offset, static_cast<std::uint16_t>(n)});
}

void drain_tx() {
    while (auto sent = tx_active.pop()) {
        check(sent->io_or_offset + sent->len <= sizeof tx_data && sent->len <= buffer_size);
        check(tx_free.push({sent->io_or_offset, 0}).has_value());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool started = start();
    check(started);
    Input in{data, size};
    std::uint8_t frame[buffer_size + 64];
    std::uint8_t l4[1500];
    while (in.size) {
        switch (in.byte() % 7) {
        case 0: { // raw bytes
            const std::size_t n = in.u16() % (buffer_size + 16);
            for (std::size_t i = 0; i < n; ++i)
                frame[i] = in.byte();
            deliver(frame, n);
            break;
        }
        case 1: { // UDP to a fuzzed port
            const std::size_t payload = in.byte();
            const std::uint16_t port = (in.byte() & 1) ? 7 : in.u16();
            l4[0] = 0x9c, l4[1] = 0x40, l4[2] = port >> 8, l4[3] = port & 0xff;
            l4[4] = std::uint8_t((8 + payload) >> 8), l4[5] = std::uint8_t(8 + payload);
            for (std::size_t i = 0; i < payload; ++i)
                l4[8 + i] = in.byte();
            deliver(frame, ip_frame(frame, 17, l4, 8 + payload, 6));
            break;
        }
        case 2: { // TCP with fuzzed flags, sequence numbers, window, payload
            const std::size_t payload = in.byte() % 64;
            l4[0] = 0x9c, l4[1] = 0x41, l4[2] = 0, l4[3] = 7;
            for (int i = 4; i < 12; ++i)
                l4[i] = in.byte();
            l4[12] = 0x50, l4[13] = in.byte() & 0x3f, l4[14] = in.byte(), l4[15] = in.byte();
            l4[18] = l4[19] = 0;
            for (std::size_t i = 0; i < payload; ++i)
                l4[20 + i] = in.byte();
            deliver(frame, ip_frame(frame, 6, l4, 20 + payload, 16));
            break;
        }
        case 3: { // a buffer that is not one of ours, or too long
            const std::uint64_t offset = (in.byte() & 1) ? sizeof rx_data + in.u16() : in.u16();
            (void)rx_active.push({offset, in.u16()});
            break;
        }
        case 4:
            check(interface.receive().has_value());
            break;
        case 5:
            now_ns += std::uint64_t{in.byte()} * 10'000'000;
            interface.poll();
            break;
        case 6:
            drain_tx();
            break;
        }
    }
    check(interface.receive().has_value());
    drain_tx();
    check(!interface.stopped());
    return 0;
}
