// Little-endian fields of on-disk sectors.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include <sel4/fat/block_cache.hpp>

namespace sel4::fat {

using Sector = std::array<std::uint8_t, BlockDevice::sector_size>;

inline std::uint16_t le16(const std::uint8_t* bytes, std::size_t at) {
    return static_cast<std::uint16_t>(bytes[at] | bytes[at + 1] << 8);
}
inline std::uint32_t le32(const std::uint8_t* bytes, std::size_t at) {
    return std::uint32_t(bytes[at]) | std::uint32_t(bytes[at + 1]) << 8 |
           std::uint32_t(bytes[at + 2]) << 16 | std::uint32_t(bytes[at + 3]) << 24;
}
inline std::uint16_t le16(const Sector& sector, std::size_t at) {
    return le16(sector.data(), at);
}
inline std::uint32_t le32(const Sector& sector, std::size_t at) {
    return le32(sector.data(), at);
}

inline Error read_sector(BlockCache& cache, std::uint64_t offset, Sector& sector) {
    return cache.read(offset, std::as_writable_bytes(std::span(sector)));
}

} // namespace sel4::fat
