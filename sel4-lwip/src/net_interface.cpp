#include <sel4/lwip/net_interface.hpp>

#include <cstdio>
#include <cstring>

#include <lwip/etharp.h>
#include <lwip/init.h>
#include <lwip/netif.h>
#include <lwip/pbuf.h>
#include <lwip/timeouts.h>
#include <netif/ethernet.h>

namespace sel4::lwip {

namespace {

std::uint64_t (*clock_ns)() = nullptr;
std::uint64_t random_state = 0x9e3779b97f4a7c15u;

::netif the_netif;
NetInterface* the_interface = nullptr;

err_t link_output(::netif*, pbuf* p) {
    return the_interface && the_interface->transmit(p) ? ERR_OK : ERR_MEM;
}

err_t netif_setup(::netif* n) {
    n->name[0] = 'e';
    n->name[1] = '0';
    n->mtu = 1500;
    n->hwaddr_len = ETH_HWADDR_LEN;
    n->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
    n->output = etharp_output;
    n->linkoutput = link_output;
    return ERR_OK;
}

ip4_addr_t ip4(const std::array<std::uint8_t, 4>& a) {
    ip4_addr_t address;
    IP4_ADDR(&address, a[0], a[1], a[2], a[3]);
    return address;
}

} // namespace

void set_clock(std::uint64_t (*now_ns)()) {
    clock_ns = now_ns;
}
void seed_random(std::uint64_t seed) {
    random_state = seed ? seed : 1;
}

rings::Result<void> NetInterface::start(const NetQueues& q, const std::array<std::uint8_t, 6>& mac,
                                        const Ipv4Config& config, Notify notify_driver) {
    using namespace rings::net;
    auto rx_free = Queue::at(q.rx_free, q.queue_region_size, q.capacity);
    auto rx_active = Queue::at(q.rx_active, q.queue_region_size, q.capacity);
    auto tx_free = Queue::at(q.tx_free, q.queue_region_size, q.capacity);
    auto tx_active = Queue::at(q.tx_active, q.queue_region_size, q.capacity);
    if (!rx_free || !rx_active || !tx_free || !tx_active) return rings::RingError::bad_layout;
    const BufferBounds rx_bounds{0, q.rx_data_size};
    const BufferBounds tx_bounds{0, q.tx_data_size};
    auto rxa = QueueConsumer::attach(*rx_active, rx_bounds);
    auto rxf = QueueProducer::attach(*rx_free);
    auto txf = QueueConsumer::attach(*tx_free, tx_bounds);
    auto txa = QueueProducer::attach(*tx_active);
    if (!rxa) return rxa.error();
    if (!rxf) return rxf.error();
    if (!txf) return txf.error();
    if (!txa) return txa.error();
    rx_active_ = *rxa;
    rx_free_ = *rxf;
    tx_free_ = *txf;
    tx_active_ = *txa;
    rx_data_ = q.rx_data;
    tx_data_ = q.tx_data;
    tx_buffers_ = tx_bounds.buffer_count();
    notify_ = notify_driver;

    // Every receive buffer goes to the driver (as many as the queue holds).
    const std::uint32_t rx_buffers = rx_bounds.buffer_count();
    rx_lent_.assign(rx_buffers, false);
    tx_lent_.assign(tx_buffers_, false);
    for (std::uint32_t i = 0; i < rx_buffers; ++i) {
        auto pushed = rx_free_.push({std::uint64_t{i} * buffer_size, 0});
        if (!pushed) {
            if (pushed.error() == rings::RingError::full) break;
            return pushed.error();
        }
        rx_lent_[i] = true;
    }
    rx_active_.request_signal();
    tx_free_.request_signal();

    lwip_init();
    the_interface = this;
    const ip4_addr_t address = ip4(config.address), netmask = ip4(config.netmask),
                     gateway = ip4(config.gateway);
    if (!netif_add(&the_netif, &address, &netmask, &gateway, nullptr, netif_setup, ethernet_input))
        return rings::RingError::bad_layout;
    std::memcpy(the_netif.hwaddr, mac.data(), mac.size());
    netif_set_default(&the_netif);
    netif_set_up(&the_netif);
    netif_set_link_up(&the_netif);
    if (rx_free_.take_signal_request() && notify_) notify_();
    return {};
}

void NetInterface::stop(rings::RingError error) {
    if (!stopped_)
        std::printf("sel4-lwip: network driver broke the queues (%.*s); interface stopped\n",
                    static_cast<int>(describe(error).size()), describe(error).data());
    stopped_ = true;
    ++stats_.peer_errors;
    netif_set_link_down(&the_netif);
}

rings::Result<void> NetInterface::receive() {
    if (stopped_) return rings::RingError::peer_index;
    batching_ = true;
    auto result = receive_batch();
    end_batch();
    return result;
}

rings::Result<void> NetInterface::receive_batch() {
    bool returned = false;
    for (;;) {
        auto buffer = rx_active_.pop();
        if (!buffer) {
            const auto error = buffer.error();
            if (error == rings::RingError::empty) {
                rx_active_.request_signal();
                if (rx_active_.empty()) break; // nothing came in meanwhile: wait for a signal
                rx_active_.cancel_signal();
                continue;
            }
            if (error == rings::RingError::bad_offset || error == rings::RingError::bad_length) {
                ++stats_.peer_errors; // not one of our buffers: drop, do not return it
                ++stats_.rx_dropped;
                continue;
            }
            stop(error);
            return error;
        }
        // Only a buffer the driver has from us may come back, and only once.
        const std::size_t index = buffer->io_or_offset / rings::net::buffer_size;
        if (!rx_lent_[index]) {
            ++stats_.peer_errors;
            ++stats_.rx_dropped;
            continue;
        }
        rx_lent_[index] = false;
        pbuf* p = pbuf_alloc(PBUF_RAW, buffer->len, PBUF_POOL);
        if (p) {
            pbuf_take(p, rx_data_ + buffer->io_or_offset, buffer->len);
            ++stats_.rx_frames;
        } else {
            ++stats_.rx_dropped;
        }
        auto back = rx_free_.push({buffer->io_or_offset, 0});
        if (!back && back.error() == rings::RingError::full) {
            // The driver gave back a buffer still in its free queue: it is there already.
            ++stats_.peer_errors;
        } else if (!back) {
            if (p) pbuf_free(p);
            stop(back.error());
            return back.error();
        }
        rx_lent_[index] = true;
        returned = true;
        if (p && the_netif.input(p, &the_netif) != ERR_OK) pbuf_free(p);
    }
    if (returned && rx_free_.take_signal_request()) signal_driver();
    return {};
}

// Inside receive() and poll() the notification waits for the end of the batch (one for every
// frame sent in it); elsewhere it goes at once.
void NetInterface::signal_driver() {
    if (batching_)
        signal_pending_ = true;
    else if (notify_)
        notify_();
}

void NetInterface::end_batch() {
    batching_ = false;
    if (signal_pending_ && notify_) notify_();
    signal_pending_ = false;
}

bool NetInterface::transmit(const void* frame) {
    const auto* p = static_cast<const pbuf*>(frame);
    if (stopped_ || p->tot_len > rings::net::buffer_size) {
        ++stats_.tx_dropped;
        return false;
    }
    std::uint64_t offset;
    if (!tx_spare_.empty()) {
        offset = tx_spare_.back();
        tx_spare_.pop_back();
    } else if (tx_fresh_ < tx_buffers_) {
        offset = std::uint64_t{tx_fresh_++} * rings::net::buffer_size;
    } else {
        auto next = take_tx_buffer();
        if (!next) {
            ++stats_.tx_dropped;
            return false;
        }
        offset = *next;
    }
    pbuf_copy_partial(p, tx_data_ + offset, p->tot_len, 0);
    auto pushed = tx_active_.push({offset, static_cast<std::uint16_t>(p->tot_len)});
    if (!pushed) {
        tx_spare_.push_back(offset); // still ours
        ++stats_.tx_dropped;
        if (pushed.error() != rings::RingError::full) stop(pushed.error());
        return false;
    }
    tx_lent_[offset / rings::net::buffer_size] = true;
    ++stats_.tx_frames;
    if (tx_active_.take_signal_request()) signal_driver();
    return true;
}

// A transmit buffer the driver gave back; buffers it never had, or gives back twice, are dropped
// as the peer's errors.
std::optional<std::uint64_t> NetInterface::take_tx_buffer() {
    for (;;) {
        auto buffer = tx_free_.pop();
        if (!buffer) {
            const auto error = buffer.error();
            if (error == rings::RingError::empty) {
                tx_free_.request_signal();
                return std::nullopt;
            }
            if (error == rings::RingError::peer_index) {
                stop(error);
                return std::nullopt;
            }
            ++stats_.peer_errors;
            continue;
        }
        const std::size_t index = buffer->io_or_offset / rings::net::buffer_size;
        if (!tx_lent_[index]) {
            ++stats_.peer_errors;
            continue;
        }
        tx_lent_[index] = false;
        return buffer->io_or_offset;
    }
}

void NetInterface::poll() {
    sys_check_timeouts();
}

rings::Result<void> NetInterface::tick() {
    auto received = receive();
    if (received && notify_) notify_();
    poll();
    return received;
}

::netif* NetInterface::get() {
    return &the_netif;
}

} // namespace sel4::lwip

extern "C" u32_t sys_now(void) {
    using namespace sel4::lwip;
    return clock_ns ? static_cast<u32_t>(clock_ns() / 1'000'000) : 0;
}

extern "C" unsigned int sel4_lwip_rand(void) {
    using namespace sel4::lwip;
    // xorshift64*: unpredictability is not needed here (ports, sequence numbers), spread is.
    random_state ^= random_state >> 12;
    random_state ^= random_state << 25;
    random_state ^= random_state >> 27;
    return static_cast<unsigned int>((random_state * 0x2545f4914f6cdd1du) >> 32);
}
