// The virtio-mmio transport, version 2 (virtio 1.x), over a register block given by a
// `Registers` type: MmioRegisters for real devices, a simulated device in host tests.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include <sel4/virtio/error.hpp>
#include <sel4/virtio/virtqueue.hpp>

namespace sel4::virtio {

enum class DeviceId : std::uint32_t { none = 0, net = 1, block = 2, entropy = 4 };

namespace reg {
inline constexpr std::size_t magic = 0x000;
inline constexpr std::size_t version = 0x004;
inline constexpr std::size_t device_id = 0x008;
inline constexpr std::size_t vendor_id = 0x00c;
inline constexpr std::size_t device_features = 0x010;
inline constexpr std::size_t device_features_sel = 0x014;
inline constexpr std::size_t driver_features = 0x020;
inline constexpr std::size_t driver_features_sel = 0x024;
inline constexpr std::size_t queue_sel = 0x030;
inline constexpr std::size_t queue_num_max = 0x034;
inline constexpr std::size_t queue_num = 0x038;
inline constexpr std::size_t queue_ready = 0x044;
inline constexpr std::size_t queue_notify = 0x050;
inline constexpr std::size_t interrupt_status = 0x060;
inline constexpr std::size_t interrupt_ack = 0x064;
inline constexpr std::size_t status = 0x070;
inline constexpr std::size_t queue_desc_low = 0x080;
inline constexpr std::size_t queue_desc_high = 0x084;
inline constexpr std::size_t queue_driver_low = 0x090;
inline constexpr std::size_t queue_driver_high = 0x094;
inline constexpr std::size_t queue_device_low = 0x0a0;
inline constexpr std::size_t queue_device_high = 0x0a4;
inline constexpr std::size_t config_generation = 0x0fc;
inline constexpr std::size_t config = 0x100;
} // namespace reg

inline constexpr std::uint32_t mmio_magic = 0x74726976; // "virt"

namespace status {
inline constexpr std::uint32_t acknowledge = 1;
inline constexpr std::uint32_t driver = 2;
inline constexpr std::uint32_t driver_ok = 4;
inline constexpr std::uint32_t features_ok = 8;
inline constexpr std::uint32_t needs_reset = 64;
inline constexpr std::uint32_t failed = 128;
} // namespace status

namespace feature {
inline constexpr unsigned version_1 = 32;
} // namespace feature

constexpr std::uint64_t bit(unsigned n) {
    return std::uint64_t{1} << n;
}

// Interrupt status bits.
inline constexpr std::uint32_t interrupt_used_buffer = 1;
inline constexpr std::uint32_t interrupt_config_change = 2;

// A device's register block mapped uncached into the PD.
struct MmioRegisters {
    std::uintptr_t base;
    std::uint32_t read32(std::size_t offset) const {
        return *reinterpret_cast<volatile const std::uint32_t*>(base + offset);
    }
    void write32(std::size_t offset, std::uint32_t value) const {
        *reinterpret_cast<volatile std::uint32_t*>(base + offset) = value;
    }
    std::uint8_t read8(std::size_t offset) const {
        return *reinterpret_cast<volatile const std::uint8_t*>(base + offset);
    }
};

// Looks through a mapped window of virtio-mmio slots, `stride` bytes apart, for a device of the
// kind wanted; the error says what the slots held (no device, legacy devices, none at all).
inline Result<MmioRegisters> find_device(std::uintptr_t base, std::size_t size, std::size_t stride,
                                         DeviceId wanted);

template <class Registers>
class Transport {
  public:
    explicit Transport(Registers registers) : regs_(registers) {}

    // Is the expected kind of version-2 device there?
    Result<void> probe(DeviceId expected) const {
        if (regs_.read32(reg::magic) != mmio_magic) return VirtioError::bad_magic;
        if (regs_.read32(reg::version) != 2) return VirtioError::bad_version;
        const auto id = static_cast<DeviceId>(regs_.read32(reg::device_id));
        if (id == DeviceId::none) return VirtioError::no_device;
        if (id != expected) return VirtioError::wrong_device;
        return {};
    }

    // Resets the device and agrees on features: `wanted` that the device offers, which must
    // include all of `required` (VERSION_1 always). Returns the features agreed.
    Result<std::uint64_t> negotiate(std::uint64_t wanted, std::uint64_t required) {
        required |= bit(feature::version_1);
        regs_.write32(reg::status, 0);
        regs_.write32(reg::status, status::acknowledge);
        regs_.write32(reg::status, status::acknowledge | status::driver);
        regs_.write32(reg::device_features_sel, 0);
        std::uint64_t offered = regs_.read32(reg::device_features);
        regs_.write32(reg::device_features_sel, 1);
        offered |= std::uint64_t{regs_.read32(reg::device_features)} << 32;
        const std::uint64_t agreed = offered & (wanted | required);
        if ((agreed & required) != required) {
            fail();
            return VirtioError::features_rejected;
        }
        regs_.write32(reg::driver_features_sel, 0);
        regs_.write32(reg::driver_features, static_cast<std::uint32_t>(agreed));
        regs_.write32(reg::driver_features_sel, 1);
        regs_.write32(reg::driver_features, static_cast<std::uint32_t>(agreed >> 32));
        regs_.write32(reg::status, status::acknowledge | status::driver | status::features_ok);
        if (!(regs_.read32(reg::status) & status::features_ok)) {
            fail();
            return VirtioError::features_rejected;
        }
        return agreed;
    }

    Result<void> setup_queue(std::uint16_t index, const SplitQueue& queue) {
        regs_.write32(reg::queue_sel, index);
        if (regs_.read32(reg::queue_ready) != 0) return VirtioError::queue_unavailable;
        const std::uint32_t max = regs_.read32(reg::queue_num_max);
        if (max == 0) return VirtioError::queue_unavailable;
        if (max < queue.size()) return VirtioError::queue_too_small;
        regs_.write32(reg::queue_num, queue.size());
        write64(reg::queue_desc_low, queue.desc_paddr());
        write64(reg::queue_driver_low, queue.avail_paddr());
        write64(reg::queue_device_low, queue.used_paddr());
        regs_.write32(reg::queue_ready, 1);
        return {};
    }

    void driver_ok() {
        regs_.write32(reg::status, status::acknowledge | status::driver | status::features_ok |
                                       status::driver_ok);
    }
    void fail() { regs_.write32(reg::status, regs_.read32(reg::status) | status::failed); }

    // Tells the device about new available buffers (after the ring's index is written).
    void notify(std::uint16_t queue) {
        std::atomic_thread_fence(std::memory_order_seq_cst);
        regs_.write32(reg::queue_notify, queue);
    }

    // The pending interrupt causes, acknowledged.
    std::uint32_t take_interrupts() {
        const std::uint32_t pending = regs_.read32(reg::interrupt_status);
        if (pending) regs_.write32(reg::interrupt_ack, pending);
        return pending;
    }

    bool needs_reset() const { return regs_.read32(reg::status) & status::needs_reset; }

    std::uint8_t config8(std::size_t offset) const { return regs_.read8(reg::config + offset); }
    std::uint32_t config32(std::size_t offset) const { return regs_.read32(reg::config + offset); }
    // A 64-bit field, read again until the configuration generation is stable.
    std::uint64_t config64(std::size_t offset) const {
        for (;;) {
            const std::uint32_t generation = regs_.read32(reg::config_generation);
            const std::uint64_t value =
                regs_.read32(reg::config + offset) |
                (std::uint64_t{regs_.read32(reg::config + offset + 4)} << 32);
            if (regs_.read32(reg::config_generation) == generation) return value;
        }
    }

    Registers& registers() { return regs_; }

  private:
    void write64(std::size_t low, std::uint64_t value) {
        regs_.write32(low, static_cast<std::uint32_t>(value));
        regs_.write32(low + 4, static_cast<std::uint32_t>(value >> 32));
    }

    Registers regs_;
};

inline Result<MmioRegisters> find_device(std::uintptr_t base, std::size_t size, std::size_t stride,
                                         DeviceId wanted) {
    VirtioError why = VirtioError::no_device;
    for (std::size_t offset = 0; stride != 0 && offset + 0x100 <= size; offset += stride) {
        const MmioRegisters registers{base + offset};
        const auto found = Transport<MmioRegisters>(registers).probe(wanted);
        if (found) return registers;
        if (found.error() == VirtioError::bad_magic) return offset == 0 ? found.error() : why;
        if (found.error() == VirtioError::bad_version) why = found.error();
    }
    return why;
}

} // namespace sel4::virtio
