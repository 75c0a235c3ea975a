// virtio-rng driver PD: keeps a pool of entropy from the device (refilled on its interrupt) and
// hands bytes to clients by protected call (sel4/drivers/protocol.hpp).
//
//   device registers   setvar_vaddr="virtio_regs" setvar_size="virtio_regs_size"
//   driver DMA         setvar_vaddr="dma" setvar_size="dma_size", setvar dma_paddr
//   channels           0: the device IRQ; any other: a client
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <optional>

#include <sel4/drivers/protocol.hpp>
#include <sel4/microkit.hpp>
#include <sel4/virtio/devices.hpp>
#include <sel4/virtio/mmio.hpp>

#include "virtio_device.hpp"

using namespace sel4::microkit;
namespace vio = sel4::virtio;
namespace protocol = sel4::drivers::rng_protocol;

extern "C" {
extern Region<std::byte> virtio_regs;
extern std::uint64_t virtio_regs_size;
extern Region<std::byte> dma;
extern std::uint64_t dma_paddr;
extern std::uint64_t dma_size;
}
Region<std::byte> virtio_regs{};
std::uint64_t virtio_regs_size{};
Region<std::byte> dma{};
std::uint64_t dma_paddr{};
std::uint64_t dma_size{};

namespace {
constexpr Channel device_irq{0};
constexpr std::uint16_t virtqueue_size = 8;
constexpr std::size_t buffer_at = 0x1000; // the device writes here
constexpr std::size_t pool_size = 512;
const char* text(vio::VirtioError e) {
    return vio::describe(e).data();
}
} // namespace

class VirtioRng : public ProtectionDomain {
    std::optional<vio::Transport<vio::MmioRegisters>> device_;
    vio::SplitQueue queue_;
    std::array<std::byte, pool_size> pool_{};
    std::size_t filled_ = 0;
    bool requested_ = false;

    void init() override {
        auto started = drivers::start_virtio_device("virtio-rng", virtio_regs, virtio_regs_size,
                                                    vio::DeviceId::entropy, 0);
        if (!started) return;
        auto queue = vio::SplitQueue::create({dma.get(), dma_paddr, buffer_at}, virtqueue_size);
        if (!queue || dma_size < buffer_at + pool_size) {
            std::printf("virtio-rng: DMA region too small; driver stopped\n");
            return;
        }
        device_.emplace(started->transport);
        queue_ = std::move(*queue);
        if (auto set = device_->setup_queue(vio::entropy::request_queue, queue_); !set) {
            std::printf("virtio-rng: %s; driver stopped\n", text(set.error()));
            device_.reset();
            return;
        }
        device_->driver_ok();
        refill();
    }

    void refill() {
        if (requested_ || filled_ == pool_size) return;
        const std::array<vio::Segment, 1> chain{vio::Segment{
            dma_paddr + buffer_at, static_cast<std::uint32_t>(pool_size - filled_), true}};
        if (queue_.add(chain, 0)) {
            requested_ = true;
            device_->notify(vio::entropy::request_queue);
        }
    }

    void notified(Channel channel) override {
        if (!device_ || !(channel == device_irq)) return;
        device_->take_interrupts();
        for (;;) {
            auto used = queue_.pop_used();
            if (!used) {
                if (used.error() != vio::VirtioError::empty)
                    std::printf("virtio-rng: device error: %s\n", text(used.error()));
                break;
            }
            requested_ = false;
            const std::size_t got = std::min<std::size_t>(used->len, pool_size - filled_);
            std::memcpy(pool_.data() + filled_, dma.get() + buffer_at, got);
            filled_ += got;
        }
        device_irq.deferred_irq_ack();
        refill();
    }

    sel4::MessageInfo protected_call(Channel, sel4::MessageInfo message) override {
        if (message.label() != protocol::get_random || message.length() < 1)
            return sel4::MessageInfo(1, 0);
        const std::size_t want = std::min<std::size_t>(sel4::get_mr(0), protocol::max_bytes);
        const std::size_t give = device_ ? std::min(want, filled_) : 0;
        // Hand out the end of the pool, and never the same bytes twice.
        const std::byte* bytes = pool_.data() + filled_ - give;
        for (std::size_t i = 0; i < give; i += sizeof(seL4_Word)) {
            seL4_Word word = 0;
            std::memcpy(&word, bytes + i, std::min(sizeof word, give - i));
            sel4::set_mr(1 + static_cast<unsigned>(i / sizeof(seL4_Word)), word);
        }
        std::memset(pool_.data() + filled_ - give, 0, give);
        filled_ -= give;
        sel4::set_mr(0, give);
        if (device_) refill();
        return sel4::MessageInfo(0, 1 + (give + sizeof(seL4_Word) - 1) / sizeof(seL4_Word));
    }
};

SEL4_MICROKIT_PD(VirtioRng)
