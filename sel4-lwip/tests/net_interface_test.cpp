// lwIP over the network queues on the host, the test playing the driver: frames go in through
// rx_active, lwIP's answers come out on tx_active.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include <lwip/udp.h>
#include <sel4/lwip/net_interface.hpp>

using namespace sel4::rings;
using namespace sel4::rings::net;

namespace {

constexpr std::uint32_t capacity = 16;
alignas(4096) std::byte rx_free_memory[4096], rx_active_memory[4096], tx_free_memory[4096],
    tx_active_memory[4096];
alignas(4096) std::byte rx_data[capacity * buffer_size], tx_data[capacity * buffer_size];

const std::array<std::uint8_t, 6> our_mac{0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
const std::array<std::uint8_t, 6> peer_mac{0x52, 0x55, 0x0a, 0x00, 0x02, 0x02};
int notifications = 0;
std::uint64_t fake_now = 0;

using Frame = std::vector<std::uint8_t>;

void put16(Frame& f, std::size_t at, unsigned v) {
    f[at] = static_cast<std::uint8_t>(v >> 8);
    f[at + 1] = static_cast<std::uint8_t>(v);
}

Frame ethernet(unsigned type, std::size_t payload) {
    Frame f(14 + payload);
    std::copy(our_mac.begin(), our_mac.end(), f.begin());
    std::copy(peer_mac.begin(), peer_mac.end(), f.begin() + 6);
    put16(f, 12, type);
    return f;
}

Frame arp_request() {
    Frame f = ethernet(0x0806, 28);
    std::fill(f.begin(), f.begin() + 6, 0xff);
    const std::uint8_t arp[] = {0, 1, 8, 0, 6, 4, 0, 1};
    std::copy(std::begin(arp), std::end(arp), f.begin() + 14);
    std::copy(peer_mac.begin(), peer_mac.end(), f.begin() + 22);
    const std::uint8_t sender_ip[] = {10, 0, 2, 2}, target_ip[] = {10, 0, 2, 15};
    std::copy(std::begin(sender_ip), std::end(sender_ip), f.begin() + 28);
    std::copy(std::begin(target_ip), std::end(target_ip), f.begin() + 38);
    return f;
}

Frame udp(unsigned port, const std::string& text) {
    Frame f = ethernet(0x0800, 20 + 8 + text.size());
    std::uint8_t* ip = f.data() + 14;
    ip[0] = 0x45;
    put16(f, 16, 20 + 8 + text.size());
    ip[8] = 64;
    ip[9] = 17;
    const std::uint8_t src[] = {10, 0, 2, 2}, dst[] = {10, 0, 2, 15};
    std::memcpy(ip + 12, src, 4);
    std::memcpy(ip + 16, dst, 4);
    std::uint32_t sum = 0;
    for (int i = 0; i < 20; i += 2)
        sum += (ip[i] << 8) | ip[i + 1];
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    put16(f, 24, ~sum & 0xffff);
    put16(f, 34, 40000);
    put16(f, 36, port);
    put16(f, 38, 8 + text.size()); // checksum 0: none
    std::memcpy(f.data() + 42, text.data(), text.size());
    return f;
}

// The driver's side of the queues.
struct Driver {
    QueueConsumer rx_free;
    QueueProducer rx_active;
    QueueConsumer tx_active;
    QueueProducer tx_free;
    Driver() {
        rx_free = QueueConsumer::attach(Queue::at(rx_free_memory, 4096, capacity).value(),
                                        {0, sizeof rx_data})
                      .value();
        rx_active =
            QueueProducer::attach(Queue::at(rx_active_memory, 4096, capacity).value()).value();
        tx_active = QueueConsumer::attach(Queue::at(tx_active_memory, 4096, capacity).value(),
                                          {0, sizeof tx_data})
                        .value();
        tx_free = QueueProducer::attach(Queue::at(tx_free_memory, 4096, capacity).value()).value();
    }
    void deliver(const Frame& frame) {
        auto buffer = rx_free.pop();
        ASSERT_TRUE(buffer);
        std::memcpy(rx_data + buffer->io_or_offset, frame.data(), frame.size());
        ASSERT_TRUE(
            rx_active.push({buffer->io_or_offset, static_cast<std::uint16_t>(frame.size())}));
    }
    Frame sent() {
        auto buffer = tx_active.pop();
        if (!buffer) return {};
        Frame f(buffer->len);
        std::memcpy(f.data(), tx_data + buffer->io_or_offset, buffer->len);
        EXPECT_TRUE(tx_free.push({buffer->io_or_offset, 0}));
        return f;
    }
};

void echo(void*, udp_pcb* pcb, pbuf* p, const ip_addr_t* address, u16_t port) {
    udp_sendto(pcb, p, address, port);
    pbuf_free(p);
}

TEST(LwipNetInterface, ArpUdpEchoAndAHostileDriver) {
    sel4::lwip::set_clock([] { return fake_now; });
    sel4::lwip::NetInterface net;
    const sel4::lwip::NetQueues queues{
        rx_free_memory, rx_active_memory, tx_free_memory, tx_active_memory, 4096,
        capacity,       rx_data,          sizeof rx_data, tx_data,          sizeof tx_data};
    ASSERT_TRUE(net.start(queues, our_mac, {{10, 0, 2, 15}, {255, 255, 255, 0}, {10, 0, 2, 2}},
                          [] { ++notifications; }));
    Driver driver;
    EXPECT_EQ(*driver.rx_free.size(), capacity); // every receive buffer handed over
    while (driver.sent().size()) {
    } // gratuitous ARP, if any

    // ARP: who has 10.0.2.15?
    driver.deliver(arp_request());
    ASSERT_TRUE(net.receive());
    Frame reply = driver.sent();
    ASSERT_GE(reply.size(), 42u);
    EXPECT_EQ(reply[12], 0x08);
    EXPECT_EQ(reply[13], 0x06);
    EXPECT_EQ(reply[21], 2); // ARP reply
    EXPECT_TRUE(std::equal(our_mac.begin(), our_mac.end(), reply.begin() + 22));

    // UDP echo on port 7.
    udp_pcb* pcb = udp_new();
    ASSERT_EQ(udp_bind(pcb, IP_ADDR_ANY, 7), ERR_OK);
    udp_recv(pcb, echo, nullptr);
    for (int i = 0; i < 3 * static_cast<int>(capacity); ++i) { // buffers recycle
        const std::string text = "hello " + std::to_string(i);
        driver.deliver(udp(7, text));
        ASSERT_TRUE(net.receive());
        Frame echoed = driver.sent();
        ASSERT_EQ(echoed.size(), 42 + text.size());
        EXPECT_EQ(std::string(echoed.begin() + 42, echoed.end()), text);
        EXPECT_EQ((echoed[36] << 8) | echoed[37], 40000); // back to the sender's port
    }
    EXPECT_EQ(net.stats().rx_frames, 1 + 3 * capacity);

    // A buffer outside the receive region is dropped and counted, not read.
    ASSERT_TRUE(driver.rx_active.push({sizeof rx_data, 60}));
    ASSERT_TRUE(net.receive());
    EXPECT_EQ(net.stats().peer_errors, 1u);
    // An impossible tail stops the interface.
    auto* header = reinterpret_cast<QueueHeader*>(rx_active_memory);
    header->tail = static_cast<std::uint16_t>(header->tail + capacity + 1);
    EXPECT_EQ(net.receive().error(), RingError::peer_index);
    EXPECT_TRUE(net.stopped());
}

} // namespace
