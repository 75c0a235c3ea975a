// The device-specific parts of virtio 1.x that the drivers use: network, block, entropy.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sel4::virtio {

namespace net {
inline constexpr unsigned feature_mac = 5;
inline constexpr unsigned feature_status = 16;
inline constexpr std::uint16_t receive_queue = 0;
inline constexpr std::uint16_t transmit_queue = 1;
inline constexpr std::size_t config_mac = 0;
// The header before every frame (VERSION_1: num_buffers always present).
struct Header {
    std::uint8_t flags;
    std::uint8_t gso_type;
    std::uint16_t hdr_len;
    std::uint16_t gso_size;
    std::uint16_t csum_start;
    std::uint16_t csum_offset;
    std::uint16_t num_buffers;
};
static_assert(sizeof(Header) == 12);
} // namespace net

namespace blk {
inline constexpr unsigned feature_read_only = 5;
inline constexpr unsigned feature_block_size = 6;
inline constexpr unsigned feature_flush = 9;
inline constexpr std::uint16_t request_queue = 0;
inline constexpr std::size_t config_capacity = 0; // 512-byte sectors, 64-bit
inline constexpr std::size_t sector_size = 512;
enum class Type : std::uint32_t { in = 0, out = 1, flush = 4 };
struct Header {
    Type type;
    std::uint32_t reserved;
    std::uint64_t sector;
};
static_assert(sizeof(Header) == 16);
inline constexpr std::uint8_t status_ok = 0;
inline constexpr std::uint8_t status_io_error = 1;
inline constexpr std::uint8_t status_unsupported = 2;
} // namespace blk

namespace entropy {
inline constexpr std::uint16_t request_queue = 0;
} // namespace entropy

} // namespace sel4::virtio
