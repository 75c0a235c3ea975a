// A virtio-mmio version 2 device in software, for host tests: its "physical" addresses are the
// host's, it processes a queue when notified, and it can be a block device (a RAM disk) or an
// entropy device (a counter pattern).
#pragma once

#include <cstring>
#include <vector>

#include <sel4/virtio/devices.hpp>
#include <sel4/virtio/mmio.hpp>

namespace sim {

using namespace sel4::virtio;

class Device {
  public:
    Device(DeviceId id, std::uint64_t features) : id_(id), features_(features) {}

    std::vector<std::uint8_t> disk; // block: the disk's bytes
    std::uint32_t version = 2;      // 1 plays a legacy device
    std::uint32_t queue_num_max = 128;
    bool refuse_features = false; // clears FEATURES_OK
    std::uint32_t config_space[16] = {};
    unsigned notifications = 0;

    std::uint32_t read32(std::size_t offset) {
        switch (offset) {
        case reg::magic:
            return mmio_magic;
        case reg::version:
            return version;
        case reg::device_id:
            return static_cast<std::uint32_t>(id_);
        case reg::vendor_id:
            return 0x554d4551;
        case reg::device_features:
            return static_cast<std::uint32_t>(features_ >> (32 * features_sel_));
        case reg::queue_num_max:
            return queue_sel_ == 0 ? queue_num_max : 0;
        case reg::queue_ready:
            return queue_ready_;
        case reg::interrupt_status:
            return interrupt_;
        case reg::status:
            return status_;
        case reg::config_generation:
            return 0;
        default:
            if (offset >= reg::config && offset < reg::config + sizeof config_space)
                return config_space[(offset - reg::config) / 4];
            return 0;
        }
    }
    std::uint8_t read8(std::size_t offset) {
        return static_cast<std::uint8_t>(read32(offset & ~std::size_t{3}) >> (8 * (offset & 3)));
    }
    void write32(std::size_t offset, std::uint32_t value) {
        switch (offset) {
        case reg::device_features_sel:
            features_sel_ = value & 1;
            break;
        case reg::driver_features_sel:
            driver_sel_ = value & 1;
            break;
        case reg::driver_features:
            driver_features_ |= std::uint64_t{value} << (32 * driver_sel_);
            break;
        case reg::queue_sel:
            queue_sel_ = value;
            break;
        case reg::queue_num:
            queue_num_ = value;
            break;
        case reg::queue_ready:
            queue_ready_ = value;
            break;
        case reg::queue_desc_low:
            desc_ = (desc_ & ~0xffffffffull) | value;
            break;
        case reg::queue_desc_high:
            desc_ = (desc_ & 0xffffffffull) | (std::uint64_t{value} << 32);
            break;
        case reg::queue_driver_low:
            avail_ = (avail_ & ~0xffffffffull) | value;
            break;
        case reg::queue_driver_high:
            avail_ = (avail_ & 0xffffffffull) | (std::uint64_t{value} << 32);
            break;
        case reg::queue_device_low:
            used_ = (used_ & ~0xffffffffull) | value;
            break;
        case reg::queue_device_high:
            used_ = (used_ & 0xffffffffull) | (std::uint64_t{value} << 32);
            break;
        case reg::queue_notify:
            ++notifications;
            process();
            break;
        case reg::interrupt_ack:
            interrupt_ &= ~value;
            break;
        case reg::status:
            if (value == 0) {
                status_ = 0;
                driver_features_ = 0;
                queue_ready_ = 0;
                last_avail_ = 0;
                used_idx_ = 0;
            } else {
                status_ = value;
                if ((value & status::features_ok) &&
                    (refuse_features || (driver_features_ & ~features_)))
                    status_ &= ~status::features_ok;
            }
            break;
        }
    }
    std::uint64_t driver_features() const { return driver_features_; }

  private:
    template <class T>
    static T* at(std::uint64_t address) {
        return reinterpret_cast<T*>(static_cast<std::uintptr_t>(address));
    }

    // Consumes every available chain.
    void process() {
        if (!queue_ready_ || !(status_ & status::driver_ok)) return;
        const auto avail_idx = *at<std::uint16_t>(avail_ + 2);
        while (last_avail_ != avail_idx) {
            const std::uint16_t head = at<std::uint16_t>(avail_ + 4)[last_avail_ % queue_num_];
            ++last_avail_;
            std::vector<Descriptor> chain;
            for (std::uint16_t i = head;;) {
                const Descriptor d = at<Descriptor>(desc_)[i];
                chain.push_back(d);
                if (!(d.flags & desc_next) || chain.size() > queue_num_) break;
                i = d.next;
            }
            const std::uint32_t written = serve(chain);
            auto* used = at<UsedElement>(used_ + 4);
            used[used_idx_ % queue_num_] = {head, written};
            ++used_idx_;
            *at<std::uint16_t>(used_ + 2) = used_idx_;
            interrupt_ |= interrupt_used_buffer;
        }
    }

    std::uint32_t serve(const std::vector<Descriptor>& chain) {
        if (id_ == DeviceId::entropy) {
            std::uint32_t written = 0;
            for (const auto& d : chain) {
                auto* p = at<std::uint8_t>(d.addr);
                for (std::uint32_t i = 0; i < d.len; ++i)
                    p[i] = static_cast<std::uint8_t>(counter_++ * 37 + 11);
                written += d.len;
            }
            return written;
        }
        // Block: header, data, status.
        const auto* header = at<blk::Header>(chain.front().addr);
        auto* status_byte = at<std::uint8_t>(chain.back().addr);
        std::uint32_t written = 1;
        std::uint64_t position = header->sector * blk::sector_size;
        for (std::size_t i = 1; i + 1 < chain.size(); ++i) {
            const auto& d = chain[i];
            if (position + d.len > disk.size()) {
                *status_byte = blk::status_io_error;
                return 1;
            }
            if (header->type == blk::Type::in) {
                std::memcpy(at<void>(d.addr), disk.data() + position, d.len);
                written += d.len;
            } else if (header->type == blk::Type::out) {
                std::memcpy(disk.data() + position, at<void>(d.addr), d.len);
            }
            position += d.len;
        }
        *status_byte = blk::status_ok;
        return written;
    }

    DeviceId id_;
    std::uint64_t features_;
    std::uint64_t driver_features_ = 0;
    std::uint32_t features_sel_ = 0, driver_sel_ = 0, queue_sel_ = 0, queue_num_ = 0;
    std::uint32_t queue_ready_ = 0, interrupt_ = 0, status_ = 0;
    std::uint64_t desc_ = 0, avail_ = 0, used_ = 0;
    std::uint16_t last_avail_ = 0, used_idx_ = 0;
    std::uint8_t counter_ = 0;
};

// The register-access type the transport wants.
struct Registers {
    Device* device;
    std::uint32_t read32(std::size_t offset) const { return device->read32(offset); }
    void write32(std::size_t offset, std::uint32_t value) const { device->write32(offset, value); }
    std::uint8_t read8(std::size_t offset) const { return device->read8(offset); }
};

} // namespace sim
