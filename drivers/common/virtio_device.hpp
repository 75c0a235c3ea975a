// How every virtio driver PD here starts: find its kind of device among the board's virtio-mmio
// slots and agree on features; when either fails, say why in the driver's name and give nothing
// (the driver then stays stopped).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>

#include <sel4/microkit.hpp>
#include <sel4/virtio/mmio.hpp>

namespace drivers {

struct VirtioDevice {
    sel4::virtio::Transport<sel4::virtio::MmioRegisters> transport;
    std::uint64_t features; // agreed
};

inline std::optional<VirtioDevice> start_virtio_device(const char* driver,
                                                       sel4::microkit::Region<std::byte> slots,
                                                       std::size_t slots_size,
                                                       sel4::virtio::DeviceId kind,
                                                       std::uint64_t wanted_features) {
    namespace vio = sel4::virtio;
    auto found = vio::find_device(slots.address, slots_size, SEL4_VIRTIO_SLOT_STRIDE, kind);
    if (!found) {
        std::printf("%s: no device (%s); driver stopped\n", driver,
                    vio::describe(found.error()).data());
        return std::nullopt;
    }
    vio::Transport<vio::MmioRegisters> transport(*found);
    auto agreed = transport.negotiate(wanted_features, 0);
    if (!agreed) {
        std::printf("%s: %s; driver stopped\n", driver, vio::describe(agreed.error()).data());
        return std::nullopt;
    }
    return VirtioDevice{transport, *agreed};
}

} // namespace drivers
