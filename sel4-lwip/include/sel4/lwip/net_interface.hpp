// lwIP's network interface over sDDF network queues: a client PD of a network driver.
//
//     sel4::lwip::NetInterface net;
//     auto started = net.start(queues, mac, {ip, netmask, gateway}, [] { driver.notify(); });
//     ...
//     void notified(Channel) override { net.receive(); net.poll(); }
//
// Received frames are copied into lwIP's pbufs and their buffers handed straight back; frames
// lwIP sends are copied into a transmit buffer. The driver is a peer like any other: a buffer it
// names outside our data regions, or one it does not have from us (never lent, or returned
// twice), is dropped and counted; an impossible queue index stops the interface with an error.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include <sel4/rings/net.hpp>

struct netif;

namespace sel4::lwip {

// The shared memory between a client and its network driver: four queues (each in a region of
// `queue_region_size` bytes, `capacity` slots) and the receive and transmit data regions whose
// offsets the queues carry.
struct NetQueues {
    void* rx_free;
    void* rx_active;
    void* tx_free;
    void* tx_active;
    std::size_t queue_region_size;
    std::uint32_t capacity;
    std::byte* rx_data;
    std::size_t rx_data_size;
    std::byte* tx_data;
    std::size_t tx_data_size;
};

struct Ipv4Config {
    std::array<std::uint8_t, 4> address;
    std::array<std::uint8_t, 4> netmask;
    std::array<std::uint8_t, 4> gateway;
};

struct NetStats {
    std::uint64_t rx_frames = 0;
    std::uint64_t tx_frames = 0;
    std::uint64_t rx_dropped = 0;  // no pbuf for a frame, or a bad buffer from the driver
    std::uint64_t tx_dropped = 0;  // no transmit buffer free
    std::uint64_t peer_errors = 0; // bad buffers and impossible indices from the driver
};

// lwIP's clock (sys_now) and its randomness (LWIP_RAND), given by the PD.
void set_clock(std::uint64_t (*now_ns)());
void seed_random(std::uint64_t seed);

class NetInterface {
  public:
    using Notify = void (*)();

    // Initialises lwIP, hands every receive buffer to the driver and brings the interface up.
    [[nodiscard]] rings::Result<void> start(const NetQueues& queues,
                                            const std::array<std::uint8_t, 6>& mac,
                                            const Ipv4Config& config, Notify notify_driver);

    // Takes every received frame into lwIP. An error means the driver broke the queues; the
    // interface is then stopped.
    [[nodiscard]] rings::Result<void> receive();
    // lwIP's timers; call after receive() and when a timeout fires.
    void poll();
    // For a periodic timer: takes in what came without a notification and notifies the driver,
    // so that a lost wake-up on either side costs one period instead of the connection.
    [[nodiscard]] rings::Result<void> tick();

    ::netif* get();
    const NetStats& stats() const { return stats_; }
    bool stopped() const { return stopped_; }

    // lwIP's output hook (internal).
    bool transmit(const void* frame_pbuf);

  private:
    void stop(rings::RingError error);
    rings::Result<void> receive_batch();
    void signal_driver();
    void end_batch();
    std::optional<std::uint64_t> take_tx_buffer();

    rings::net::QueueConsumer rx_active_;
    rings::net::QueueProducer rx_free_;
    rings::net::QueueConsumer tx_free_;
    rings::net::QueueProducer tx_active_;
    std::vector<bool> rx_lent_, tx_lent_; // which buffers the driver has from us
    std::vector<std::uint64_t> tx_spare_; // transmit buffers back in our hands
    std::byte* rx_data_ = nullptr;
    std::byte* tx_data_ = nullptr;
    std::uint32_t tx_buffers_ = 0;
    std::uint32_t tx_fresh_ = 0; // transmit buffers never used yet (0..tx_fresh_ were)
    Notify notify_ = nullptr;
    NetStats stats_;
    bool stopped_ = false;
    bool batching_ = false;
    bool signal_pending_ = false;
};

} // namespace sel4::lwip
