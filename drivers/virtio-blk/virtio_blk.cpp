// virtio-blk driver PD: serves one client through sDDF's block queues. The device reads and
// writes the client's data region directly (its physical address comes from the system
// description); the driver's own DMA region holds the virtqueue and the request headers.
//
// System description (see tests/drivers for a complete one):
//   device registers  setvar_vaddr="virtio_regs"  setvar_size="virtio_regs_size"
//   driver DMA        setvar_vaddr="dma"          <setvar symbol="dma_paddr" region_paddr=.../>
//   storage info      setvar_vaddr="storage_info"
//   request/response  setvar_vaddr="requests" / "responses", setvar_size="queue_size"
//   client data       <setvar symbol="data_paddr" region_paddr=.../>, setvar_size on a map of it
//                     is not needed: data_size is the region's size, given with setvar_size
//   channels          0: the device IRQ, 1: the client
#include <array>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

#include <sel4/microkit.hpp>
#include <sel4/rings/blk.hpp>
#include <sel4/virtio/devices.hpp>
#include <sel4/virtio/mmio.hpp>

#include "virtio_device.hpp"

using namespace sel4::microkit;
namespace rings = sel4::rings;
namespace vio = sel4::virtio;

extern "C" {
extern Region<std::byte> virtio_regs;
extern std::uint64_t virtio_regs_size;
extern Region<std::byte> dma;
extern std::uint64_t dma_paddr;
extern std::uint64_t dma_size;
extern Region<rings::blk::StorageInfo> storage_info;
extern Region<std::byte> requests;
extern Region<std::byte> responses;
extern std::uint64_t queue_size;
extern std::uint64_t data_paddr;
extern std::uint64_t data_size;
}
Region<std::byte> virtio_regs{};
std::uint64_t virtio_regs_size{};
Region<std::byte> dma{};
std::uint64_t dma_paddr{};
std::uint64_t dma_size{};
Region<rings::blk::StorageInfo> storage_info{};
Region<std::byte> requests{};
Region<std::byte> responses{};
std::uint64_t queue_size{};
std::uint64_t data_paddr{};
std::uint64_t data_size{};

namespace {

constexpr Channel device_irq{0};
constexpr Channel client{1};
constexpr std::uint32_t ring_capacity = 128; // slots in each sDDF queue
constexpr std::uint16_t virtqueue_size = 64;
constexpr std::size_t header_area = 0x2000; // DMA offset of the request headers
constexpr std::size_t slot_bytes = 32;      // a header (16 bytes) and its status byte

struct Slot {
    std::uint32_t id = 0;
    std::uint16_t count = 0;
    bool busy = false;
};

const char* text(vio::VirtioError e) {
    return vio::describe(e).data();
}
const char* text(rings::RingError e) {
    return rings::describe(e).data();
}

} // namespace

class VirtioBlk : public ProtectionDomain {
    std::optional<vio::Transport<vio::MmioRegisters>> device_;
    vio::SplitQueue queue_;
    rings::blk::Server server_;
    std::array<Slot, virtqueue_size / 4> slots_{}; // three descriptors per request
    unsigned in_flight_ = 0;
    bool flush_ = false;
    bool running_ = false;

    void init() override {
        auto started = drivers::start_virtio_device(
            "virtio-blk", virtio_regs, virtio_regs_size, vio::DeviceId::block,
            vio::bit(vio::blk::feature_read_only) | vio::bit(vio::blk::feature_flush));
        if (!started) return;
        device_.emplace(started->transport);
        const auto agreed = started->features;
        flush_ = agreed & vio::bit(vio::blk::feature_flush);
        const bool read_only = agreed & vio::bit(vio::blk::feature_read_only);
        const std::uint64_t sectors = device_->config64(vio::blk::config_capacity);
        auto queue = vio::SplitQueue::create({dma.get(), dma_paddr, header_area}, virtqueue_size);
        if (!queue || dma_size < header_area + slots_.size() * slot_bytes) {
            std::printf("virtio-blk: DMA region too small; driver stopped\n");
            return;
        }
        queue_ = std::move(*queue);
        if (auto set = device_->setup_queue(vio::blk::request_queue, queue_); !set) {
            std::printf("virtio-blk: %s; driver stopped\n", text(set.error()));
            device_->fail();
            return;
        }
        device_->driver_ok();

        const std::uint64_t blocks = sectors * vio::blk::sector_size / rings::blk::transfer_size;
        auto request_queue =
            rings::blk::RequestQueue::at(requests.get(), queue_size, ring_capacity);
        auto response_queue =
            rings::blk::ResponseQueue::at(responses.get(), queue_size, ring_capacity);
        if (!request_queue || !response_queue) {
            std::printf("virtio-blk: queue regions too small; driver stopped\n");
            return;
        }
        auto server = rings::blk::Server::attach(*request_queue, *response_queue,
                                                 {data_size, blocks, read_only});
        if (!server) {
            std::printf("virtio-blk: %s; driver stopped\n", text(server.error()));
            return;
        }
        server_ = *server;
        rings::blk::StorageInfo info{};
        std::strncpy(info.serial_number, "virtio-blk", sizeof info.serial_number - 1);
        info.read_only = read_only;
        info.sector_size = vio::blk::sector_size;
        info.block_size = 1;
        info.queue_depth = static_cast<std::uint16_t>(slots_.size());
        info.capacity = blocks;
        rings::blk::publish_storage_info(*storage_info.get(), info);
        running_ = true;
        std::printf("virtio-blk: %llu blocks of %zu bytes%s\n",
                    static_cast<unsigned long long>(blocks), rings::blk::transfer_size,
                    read_only ? ", read-only" : "");
        serve();
    }

    void notified(Channel channel) override {
        if (!running_) return;
        if (channel == device_irq) {
            device_->take_interrupts();
            if (device_->needs_reset()) {
                std::printf("virtio-blk: device error (needs reset); driver stopped\n");
                running_ = false;
                return;
            }
            complete();
            device_irq.deferred_irq_ack();
        }
        serve();
    }

    // Responses for what the device finished.
    void complete() {
        bool answered = false;
        for (;;) {
            auto used = queue_.pop_used();
            if (!used) {
                if (used.error() != vio::VirtioError::empty)
                    std::printf("virtio-blk: device error: %s\n", text(used.error()));
                break;
            }
            Slot& slot = slots_[used->cookie];
            const auto status = *reinterpret_cast<volatile std::uint8_t*>(
                dma.get() + header_area + used->cookie * slot_bytes + 16);
            const bool ok = status == vio::blk::status_ok;
            respond(ok ? rings::blk::Status::ok : rings::blk::Status::io_error, ok ? slot.count : 0,
                    slot.id);
            slot.busy = false;
            --in_flight_;
            answered = true;
        }
        if (answered) client.notify();
    }

    void respond(rings::blk::Status status, std::uint16_t count, std::uint32_t id) {
        if (auto pushed = server_.push({status, count, id}); !pushed)
            std::printf("virtio-blk: response lost: %s\n", text(pushed.error()));
    }

    // New requests to the device, as long as there are slots and room for their responses.
    void serve() {
        bool queued = false, answered = false;
        for (;;) {
            auto room = server_.space();
            if (!room || *room <= in_flight_) break;
            std::size_t free_slot = slots_.size();
            for (std::size_t i = 0; i < slots_.size(); ++i)
                if (!slots_[i].busy) {
                    free_slot = i;
                    break;
                }
            if (free_slot == slots_.size()) break;
            auto taken = server_.pop();
            if (!taken) {
                if (taken.error() != rings::RingError::empty)
                    std::printf("virtio-blk: client error: %s\n", text(taken.error()));
                break;
            }
            const rings::blk::Request& r = taken->request;
            if (!taken->ok()) {
                respond(rings::blk::Status::invalid_parameter, 0, r.id);
                answered = true;
                continue;
            }
            vio::blk::Type type;
            std::uint32_t bytes = std::uint32_t{r.count} * rings::blk::transfer_size;
            switch (r.code) {
            case rings::blk::RequestCode::read:
                type = vio::blk::Type::in;
                break;
            case rings::blk::RequestCode::write:
                type = vio::blk::Type::out;
                break;
            default:
                if (!flush_) { // nothing cached to flush
                    respond(rings::blk::Status::ok, 0, r.id);
                    answered = true;
                    continue;
                }
                type = vio::blk::Type::flush;
                bytes = 0;
            }
            std::byte* header = dma.get() + header_area + free_slot * slot_bytes;
            const vio::blk::Header h{
                type, 0, r.block_number * (rings::blk::transfer_size / vio::blk::sector_size)};
            std::memcpy(header, &h, sizeof h);
            header[16] = std::byte{0xff};
            const std::uint64_t header_paddr = dma_paddr + header_area + free_slot * slot_bytes;
            std::array<vio::Segment, 3> chain{
                vio::Segment{header_paddr, 16, false},
                vio::Segment{data_paddr + r.io_or_offset, bytes, type == vio::blk::Type::in},
                vio::Segment{header_paddr + 16, 1, true}};
            std::span<const vio::Segment> segments(chain);
            if (bytes == 0) {
                chain[1] = chain[2];
                segments = segments.first(2);
            }
            auto added = queue_.add(segments, free_slot);
            if (!added) {
                respond(rings::blk::Status::error_unspecified, 0, r.id);
                answered = true;
                continue;
            }
            slots_[free_slot] = {r.id, r.count, true};
            ++in_flight_;
            queued = true;
        }
        if (queued && queue_.device_wants_notification()) device_->notify(vio::blk::request_queue);
        if (answered) client.notify();
    }
};

SEL4_MICROKIT_PD(VirtioBlk)
