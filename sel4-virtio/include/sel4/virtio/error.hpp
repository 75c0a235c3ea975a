// What can go wrong between a virtio driver and its device, as values.
#pragma once

#include <cstdint>
#include <string_view>

#include <sel4/rings/result.hpp>

namespace sel4::virtio {

enum class VirtioError : std::uint8_t {
    no_device,          // device id 0: the slot is empty
    bad_magic,          // not a virtio-mmio register block
    bad_version,        // not virtio-mmio version 2 (QEMU: -global virtio-mmio.force-legacy=false)
    wrong_device,       // another kind of device
    features_rejected,  // the device refused our features, or lacks one we need
    queue_unavailable,  // the queue does not exist or is already in use
    queue_too_small,    // the device offers fewer slots than asked
    bad_layout,         // queue size not a power of two, or its memory too small
    device_needs_reset, // the device gave up (DEVICE_NEEDS_RESET)
    queue_full,         // no free descriptors
    empty,              // nothing used yet
    bad_used_index,     // the device's used index moved backwards or too far
    bad_used_id,        // the device returned a descriptor that is not in flight
    bad_used_length,    // the device claims to have written more than the buffers hold
};

constexpr std::string_view describe(VirtioError error) {
    switch (error) {
    case VirtioError::no_device:
        return "no device";
    case VirtioError::bad_magic:
        return "no virtio-mmio registers (bad magic)";
    case VirtioError::bad_version:
        return "not virtio-mmio version 2 (legacy device?)";
    case VirtioError::wrong_device:
        return "another kind of virtio device";
    case VirtioError::features_rejected:
        return "feature negotiation failed";
    case VirtioError::queue_unavailable:
        return "virtqueue unavailable";
    case VirtioError::queue_too_small:
        return "virtqueue smaller than needed";
    case VirtioError::bad_layout:
        return "virtqueue size or memory unusable";
    case VirtioError::device_needs_reset:
        return "device needs reset";
    case VirtioError::queue_full:
        return "virtqueue full";
    case VirtioError::empty:
        return "nothing used";
    case VirtioError::bad_used_index:
        return "device wrote an impossible used index";
    case VirtioError::bad_used_id:
        return "device returned a descriptor not in flight";
    case VirtioError::bad_used_length:
        return "device claims a length beyond the buffers";
    }
    return "unknown virtio error";
}

template <class T>
using Result = rings::Result<T, VirtioError>;

} // namespace sel4::virtio
