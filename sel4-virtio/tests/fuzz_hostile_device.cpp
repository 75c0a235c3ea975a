// libFuzzer plays a hostile device: it rewrites the used ring (index, ids, lengths) and even the
// descriptor table at will while the driver adds chains and takes used ones. The driver must never
// free a descriptor twice, lose one, or accept a length beyond what a chain can hold.
#include <array>
#include <cstdlib>
#include <cstring>

#include <sel4/virtio/virtqueue.hpp>

using namespace sel4::virtio;

namespace {
void check(bool condition) {
    if (!condition) std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::uint16_t queue_size = 8;
    alignas(16) static std::byte memory[SplitQueue::bytes(queue_size)];
    auto queue = SplitQueue::create({memory, 0x8000'0000, sizeof memory}, queue_size).value();
    std::uint32_t writable_of[queue_size] = {};
    std::size_t i = 0;
    auto next = [&]() -> std::uint8_t { return i < size ? data[i++] : 0; };
    while (i < size) {
        const std::uint8_t op = next();
        switch (op % 4) {
        case 0: { // the driver adds a chain of 1..3 buffers
            const std::size_t n = 1 + next() % 3;
            std::array<Segment, 3> segments{};
            std::uint32_t writable = 0;
            for (std::size_t k = 0; k < n; ++k) {
                segments[k] = {0x9000'0000 + k * 0x1000, next() + 1u, (next() & 1) != 0};
                if (segments[k].device_writes) writable += segments[k].len;
            }
            const std::uint16_t before = queue.free_descriptors();
            auto head = queue.add(std::span(segments.data(), n), writable);
            if (head) {
                check(*head < queue_size);
                check(queue.free_descriptors() == before - n);
                writable_of[*head] = writable;
            } else {
                check(before < n);
            }
            break;
        }
        case 1: { // the device writes a used element
            const std::size_t slot = next() % queue_size;
            const std::uint32_t id = next() % (queue_size + 2);
            const std::uint32_t len = next() * 7u;
            std::memcpy(memory + SplitQueue::used_offset(queue_size) + 4 + slot * 8, &id, 4);
            std::memcpy(memory + SplitQueue::used_offset(queue_size) + 8 + slot * 8, &len, 4);
            break;
        }
        case 2: { // the device moves its used index anywhere
            const std::uint16_t idx = static_cast<std::uint16_t>(next() | (next() << 8));
            std::memcpy(memory + SplitQueue::used_offset(queue_size) + 2, &idx, 2);
            // ... and scribbles on a descriptor's next field
            const std::uint16_t bogus = next();
            std::memcpy(memory + (next() % queue_size) * 16 + 14, &bogus, 2);
            break;
        }
        case 3: { // the driver takes what is used
            const std::uint16_t before = queue.free_descriptors();
            auto used = queue.pop_used();
            if (used) {
                check(used->head < queue_size);
                check(used->len <= used->cookie && used->cookie == writable_of[used->head]);
                check(queue.free_descriptors() > before);
            }
            check(queue.free_descriptors() + 0u <= queue_size);
            break;
        }
        }
        check(queue.free_descriptors() + queue.in_flight() <= queue_size);
    }
    return 0;
}
