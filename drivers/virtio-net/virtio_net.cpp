// virtio-net driver PD: moves frames between the device and one client through sDDF's network
// queues. Received frames land directly in the client's receive buffers and frames are sent
// straight from its transmit buffers (their physical addresses come from the system
// description); the driver's own DMA region holds the two virtqueues and the virtio-net headers.
//
//   device registers   setvar_vaddr="virtio_regs" setvar_size="virtio_regs_size"
//   driver DMA         setvar_vaddr="dma" setvar_size="dma_size", setvar dma_paddr
//   queues             setvar_vaddr="rx_free" "rx_active" "tx_free" "tx_active",
//                      setvar_size="queue_size" (on one of them)
//   client data        setvar rx_data_paddr / tx_data_paddr (region_paddr), setvar_size
//                      rx_data_size / tx_data_size (on maps of them, which may be read-only)
//   channels           0: the device IRQ, 1: the client (notifications, and a protected call
//                      for the MAC address)
#include <array>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

#include <sel4/drivers/protocol.hpp>
#include <sel4/microkit.hpp>
#include <sel4/rings/net.hpp>
#include <sel4/virtio/devices.hpp>
#include <sel4/virtio/mmio.hpp>

#include "virtio_device.hpp"

using namespace sel4::microkit;
namespace rings = sel4::rings;
namespace net = sel4::rings::net;
namespace vio = sel4::virtio;

extern "C" {
extern Region<std::byte> virtio_regs;
extern std::uint64_t virtio_regs_size;
extern Region<std::byte> dma;
extern std::uint64_t dma_paddr;
extern std::uint64_t dma_size;
extern Region<std::byte> rx_free;
extern Region<std::byte> rx_active;
extern Region<std::byte> tx_free;
extern Region<std::byte> tx_active;
extern std::uint64_t queue_size;
extern std::uint64_t rx_data_paddr;
extern std::uint64_t rx_data_size;
extern std::uint64_t tx_data_paddr;
extern std::uint64_t tx_data_size;
}
Region<std::byte> virtio_regs{};
std::uint64_t virtio_regs_size{};
Region<std::byte> dma{};
std::uint64_t dma_paddr{};
std::uint64_t dma_size{};
Region<std::byte> rx_free{};
Region<std::byte> rx_active{};
Region<std::byte> tx_free{};
Region<std::byte> tx_active{};
std::uint64_t queue_size{};
std::uint64_t rx_data_paddr{};
std::uint64_t rx_data_size{};
std::uint64_t tx_data_paddr{};
std::uint64_t tx_data_size{};

namespace {

constexpr Channel device_irq{0};
constexpr Channel client{1};
constexpr std::uint32_t ring_capacity = 512;
constexpr std::uint16_t virtqueue_size = 256;
// DMA layout: receive virtqueue, transmit virtqueue, then one header per descriptor pair.
constexpr std::size_t rx_queue_at = 0;
constexpr std::size_t tx_queue_at = 0x4000;
constexpr std::size_t rx_headers_at = 0x8000;
constexpr std::size_t tx_headers_at = rx_headers_at + virtqueue_size * 16;
constexpr std::size_t dma_needed = tx_headers_at + virtqueue_size * 16;
static_assert(vio::SplitQueue::bytes(virtqueue_size) <= tx_queue_at - rx_queue_at);
static_assert(sizeof(vio::net::Header) <= 16);

const char* text(vio::VirtioError e) {
    return vio::describe(e).data();
}
const char* text(rings::RingError e) {
    return rings::describe(e).data();
}

// Header slots, one per chain in flight: a stack of free indices.
class HeaderSlots {
  public:
    explicit HeaderSlots(std::size_t n) {
        for (std::size_t i = n; i-- > 0;)
            free_.push_back(static_cast<std::uint16_t>(i));
    }
    std::optional<std::uint16_t> take() {
        if (free_.empty()) return std::nullopt;
        const auto i = free_.back();
        free_.pop_back();
        return i;
    }
    void give(std::uint16_t i) { free_.push_back(i); }

  private:
    std::vector<std::uint16_t> free_;
};

} // namespace

class VirtioNet : public ProtectionDomain {
    std::optional<vio::Transport<vio::MmioRegisters>> device_;
    vio::SplitQueue rxq_, txq_;
    HeaderSlots rx_headers_{virtqueue_size / 2}, tx_headers_{virtqueue_size / 2};
    net::QueueConsumer rx_free_, tx_active_;
    net::QueueProducer rx_active_, tx_free_;
    net::Queue tx_free_queue_;
    bool tx_free_attached_ = false;
    std::array<std::uint8_t, 6> mac_{0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
    std::uint64_t client_errors_ = 0, device_errors_ = 0;
    bool running_ = false;

    void init() override {
        auto started =
            drivers::start_virtio_device("virtio-net", virtio_regs, virtio_regs_size,
                                         vio::DeviceId::net, vio::bit(vio::net::feature_mac));
        if (!started) return;
        device_.emplace(started->transport);
        if (started->features & vio::bit(vio::net::feature_mac))
            for (unsigned i = 0; i < 6; ++i)
                mac_[i] = device_->config8(vio::net::config_mac + i);
        auto rxq = vio::SplitQueue::create(
            {dma.get() + rx_queue_at, dma_paddr + rx_queue_at, tx_queue_at - rx_queue_at},
            virtqueue_size);
        auto txq = vio::SplitQueue::create(
            {dma.get() + tx_queue_at, dma_paddr + tx_queue_at, rx_headers_at - tx_queue_at},
            virtqueue_size);
        if (!rxq || !txq || dma_size < dma_needed) {
            std::printf("virtio-net: DMA region too small (0x%zx bytes needed); driver stopped\n",
                        dma_needed);
            return;
        }
        rxq_ = std::move(*rxq);
        txq_ = std::move(*txq);
        for (auto [index, queue] : {std::pair{vio::net::receive_queue, &rxq_},
                                    std::pair{vio::net::transmit_queue, &txq_}}) {
            if (auto set = device_->setup_queue(index, *queue); !set) {
                std::printf("virtio-net: %s; driver stopped\n", text(set.error()));
                device_->fail();
                return;
            }
        }
        if (auto attached = attach_queues(); !attached) {
            std::printf("virtio-net: client queues unusable (%s); driver stopped\n",
                        text(attached.error()));
            return;
        }
        device_->driver_ok();
        running_ = true;
        std::printf("virtio-net: MAC %02x:%02x:%02x:%02x:%02x:%02x\n", mac_[0], mac_[1], mac_[2],
                    mac_[3], mac_[4], mac_[5]);
        refill_rx();
        transmit();
    }

    rings::Result<void> attach_queues() {
        auto q = [](Region<std::byte> r) {
            return net::Queue::at(r.get(), queue_size, ring_capacity);
        };
        auto rf = q(rx_free), ra = q(rx_active), tf = q(tx_free), ta = q(tx_active);
        if (!rf || !ra || !tf || !ta) return rings::RingError::bad_layout;
        auto rfc = net::QueueConsumer::attach(*rf, {0, rx_data_size});
        auto tac = net::QueueConsumer::attach(*ta, {0, tx_data_size});
        auto rap = net::QueueProducer::attach(*ra);
        if (!rfc || !tac || !rap) return rings::RingError::peer_index;
        rx_free_ = *rfc;
        tx_active_ = *tac;
        rx_active_ = *rap;
        tx_free_queue_ = *tf;
        return {};
    }

    // The transmit free queue is taken over when the first sent buffer goes back: an sDDF C
    // client fills it with its buffers in its own init, which runs after ours.
    bool attach_tx_free() {
        if (tx_free_attached_) return true;
        auto producer = net::QueueProducer::attach(tx_free_queue_);
        if (!producer) {
            client_error(producer.error());
            return false;
        }
        tx_free_ = *producer;
        tx_free_attached_ = true;
        return true;
    }

    void notified(Channel channel) override {
        if (!running_) return;
        if (channel == device_irq) {
            device_->take_interrupts();
            if (device_->needs_reset()) {
                std::printf("virtio-net: device error (needs reset); driver stopped\n");
                running_ = false;
                return;
            }
            device_irq.deferred_irq_ack();
        }
        bool signal = received();
        signal |= transmitted();
        refill_rx();
        transmit();
        if (signal) client.notify();
    }

    sel4::MessageInfo protected_call(Channel channel, sel4::MessageInfo message) override {
        if (channel == client && message.label() == sel4::drivers::net_protocol::get_mac) {
            seL4_Word word = 0;
            for (unsigned i = 0; i < 6; ++i)
                word |= seL4_Word{mac_[i]} << (8 * i);
            sel4::set_mr(0, word);
            return sel4::MessageInfo(0, 1);
        }
        return sel4::MessageInfo(1, 0);
    }

    void device_error(vio::VirtioError e) {
        if (device_errors_++ < 4) std::printf("virtio-net: device error: %s\n", text(e));
    }
    void client_error(rings::RingError e) {
        if (client_errors_++ < 4) std::printf("virtio-net: client error: %s\n", text(e));
    }

    // Frames the device received go to the client. Returns whether it must be told.
    bool received() {
        bool pushed = false;
        for (;;) {
            auto used = rxq_.pop_used();
            if (!used) {
                if (used.error() != vio::VirtioError::empty) device_error(used.error());
                break;
            }
            const std::uint64_t offset = used->cookie >> 16;
            rx_headers_.give(static_cast<std::uint16_t>(used->cookie & 0xffff));
            const std::uint32_t len =
                used->len > sizeof(vio::net::Header) ? used->len - sizeof(vio::net::Header) : 0;
            if (auto p = rx_active_.push({offset, static_cast<std::uint16_t>(len)}); !p)
                client_error(p.error());
            pushed = true;
        }
        return pushed && rx_active_.take_signal_request();
    }

    // Buffers the device has sent go back to the client.
    bool transmitted() {
        bool pushed = false;
        for (;;) {
            auto used = txq_.pop_used();
            if (!used) {
                if (used.error() != vio::VirtioError::empty) device_error(used.error());
                break;
            }
            tx_headers_.give(static_cast<std::uint16_t>(used->cookie & 0xffff));
            if (!attach_tx_free()) continue;
            if (auto p = tx_free_.push({used->cookie >> 16, 0}); !p) client_error(p.error());
            pushed = true;
        }
        return pushed && tx_free_.take_signal_request();
    }

    // Every free receive buffer of the client to the device.
    void refill_rx() {
        bool added = false;
        for (;;) {
            if (rxq_.free_descriptors() < 2) break;
            auto buffer = rx_free_.pop();
            if (!buffer) {
                if (buffer.error() == rings::RingError::empty) {
                    rx_free_.request_signal();
                    if (!rx_free_.empty()) continue;
                    break;
                }
                client_error(buffer.error());
                if (buffer.error() == rings::RingError::peer_index) break;
                continue;
            }
            const auto slot = rx_headers_.take();
            if (!slot) break;
            const std::uint64_t header = dma_paddr + rx_headers_at + *slot * 16;
            const std::array<vio::Segment, 2> chain{
                vio::Segment{header, sizeof(vio::net::Header), true},
                vio::Segment{rx_data_paddr + buffer->io_or_offset,
                             static_cast<std::uint32_t>(net::buffer_size), true}};
            if (!rxq_.add(chain, (buffer->io_or_offset << 16) | *slot)) {
                rx_headers_.give(*slot);
                break;
            }
            added = true;
        }
        if (added && rxq_.device_wants_notification()) device_->notify(vio::net::receive_queue);
    }

    // Every frame the client queued to the device.
    void transmit() {
        bool added = false;
        for (;;) {
            if (txq_.free_descriptors() < 2) break;
            auto buffer = tx_active_.pop();
            if (!buffer) {
                if (buffer.error() == rings::RingError::empty) {
                    tx_active_.request_signal();
                    if (!tx_active_.empty()) continue;
                    break;
                }
                client_error(buffer.error());
                if (buffer.error() == rings::RingError::peer_index) break;
                continue;
            }
            const auto slot = tx_headers_.take();
            if (!slot) break;
            std::memset(dma.get() + tx_headers_at + *slot * 16, 0, 16);
            const std::uint64_t header = dma_paddr + tx_headers_at + *slot * 16;
            const std::array<vio::Segment, 2> chain{
                vio::Segment{header, sizeof(vio::net::Header), false},
                vio::Segment{tx_data_paddr + buffer->io_or_offset, buffer->len, false}};
            if (!txq_.add(chain, (buffer->io_or_offset << 16) | *slot)) {
                tx_headers_.give(*slot);
                break;
            }
            added = true;
        }
        if (added && txq_.device_wants_notification()) device_->notify(vio::net::transmit_queue);
    }
};

SEL4_MICROKIT_PD(VirtioNet)
