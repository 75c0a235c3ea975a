// Mounting (MBR, BPB), cluster chains and file reads.
#include <sel4/fat/volume.hpp>

#include <algorithm>
#include <array>

#include "bytes.hpp"

namespace sel4::fat {

namespace {

constexpr std::uint64_t max_cluster_size = 64 * 1024;
constexpr std::uint32_t fat16_min_clusters = 4085;
constexpr std::uint32_t fat32_min_clusters = 65525;
constexpr std::uint32_t fat32_max_clusters = 0x0ffffff5;

bool is_power_of_two(std::uint64_t value) {
    return value != 0 && (value & (value - 1)) == 0;
}

bool is_fat_partition_type(std::uint8_t type) {
    // FAT12, FAT16 (<32 MiB, CHS, LBA), FAT32 (CHS, LBA)
    return type == 0x01 || type == 0x04 || type == 0x06 || type == 0x0e || type == 0x0b ||
           type == 0x0c;
}

bool looks_like_boot_sector(const Sector& sector) {
    const bool jump = sector[0] == 0xeb || sector[0] == 0xe9;
    const std::uint16_t bytes_per_sector = le16(sector, 11);
    return jump && is_power_of_two(bytes_per_sector) && bytes_per_sector >= 512 &&
           bytes_per_sector <= 4096;
}

} // namespace

Result<Volume> Volume::mount(BlockCache& cache) {
    const std::uint64_t disk_sectors = cache.size_bytes() / BlockDevice::sector_size;
    Sector sector;
    if (const Error error = read_sector(cache, 0, sector); error != Error::none) return error;
    if (le16(sector, 510) != 0xaa55) return Error::no_file_system;
    if (looks_like_boot_sector(sector)) return mount_at(cache, 0, disk_sectors);
    for (int i = 0; i < 4; ++i) {
        const std::size_t entry = 446 + 16 * i;
        if (sector[entry] != 0x00 && sector[entry] != 0x80)
            return Error::no_file_system; // not a partition table
    }
    for (int i = 0; i < 4; ++i) {
        const std::size_t entry = 446 + 16 * i;
        if (!is_fat_partition_type(sector[entry + 4])) continue;
        const std::uint64_t first = le32(sector, entry + 8);
        const std::uint64_t count = le32(sector, entry + 12);
        if (first == 0 || count == 0 || first > disk_sectors || count > disk_sectors - first)
            return Error::bad_partition;
        return mount_at(cache, first, count);
    }
    return Error::no_file_system;
}

Result<Volume> Volume::mount_at(BlockCache& cache, std::uint64_t first_sector,
                                std::uint64_t sector_count) {
    const std::uint64_t disk_sectors = cache.size_bytes() / BlockDevice::sector_size;
    if (first_sector >= disk_sectors || sector_count > disk_sectors - first_sector ||
        sector_count == 0)
        return Error::bad_partition;
    const std::uint64_t start = first_sector * BlockDevice::sector_size;
    Sector boot;
    if (const Error error = read_sector(cache, start, boot); error != Error::none) return error;
    if (le16(boot, 510) != 0xaa55 || !looks_like_boot_sector(boot)) return Error::no_file_system;

    const std::uint64_t bytes_per_sector = le16(boot, 11);
    const std::uint64_t sectors_per_cluster = boot[13];
    const std::uint64_t reserved = le16(boot, 14);
    const std::uint64_t fat_count = boot[16];
    const std::uint64_t root_entries = le16(boot, 17);
    const std::uint64_t total16 = le16(boot, 19);
    const std::uint64_t fat_size16 = le16(boot, 22);
    const std::uint64_t total32 = le32(boot, 32);
    const std::uint64_t fat_size32 = le32(boot, 36);
    const std::uint16_t ext_flags = le16(boot, 40);
    const std::uint16_t version = le16(boot, 42);
    const std::uint32_t root_cluster = le32(boot, 44);

    if (!is_power_of_two(sectors_per_cluster) || reserved == 0 || fat_count == 0 || fat_count > 4)
        return Error::bad_boot_sector;
    if (bytes_per_sector * sectors_per_cluster > max_cluster_size) return Error::unsupported;
    const std::uint64_t fat_size = fat_size16 != 0 ? fat_size16 : fat_size32;
    const std::uint64_t total = total16 != 0 ? total16 : total32;
    if (fat_size == 0 || total == 0) return Error::bad_boot_sector;
    if (total * bytes_per_sector > sector_count * BlockDevice::sector_size)
        return Error::bad_boot_sector; // larger than its partition
    const std::uint64_t root_sectors =
        (root_entries * 32 + bytes_per_sector - 1) / bytes_per_sector;
    const std::uint64_t first_data = reserved + fat_count * fat_size + root_sectors;
    if (first_data >= total) return Error::bad_boot_sector;
    const std::uint64_t clusters = (total - first_data) / sectors_per_cluster;

    Volume volume(cache);
    volume.cluster_size_ = static_cast<std::uint32_t>(bytes_per_sector * sectors_per_cluster);
    std::uint64_t active_fat = 0;
    if (clusters < fat16_min_clusters) {
        return Error::unsupported; // FAT12
    } else if (clusters < fat32_min_clusters) {
        volume.type_ = FatType::fat16;
        if (root_entries == 0 || fat_size16 == 0) return Error::bad_boot_sector;
        if (fat_size * bytes_per_sector < (clusters + 2) * 2)
            return Error::bad_boot_sector; // the FAT cannot describe every cluster
    } else {
        volume.type_ = FatType::fat32;
        if (clusters > fat32_max_clusters || root_entries != 0 || fat_size16 != 0 || version != 0)
            return Error::bad_boot_sector;
        if (fat_size * bytes_per_sector < (clusters + 2) * 4) return Error::bad_boot_sector;
        if (ext_flags & 0x80) { // mirroring off: one FAT is active
            active_fat = ext_flags & 0x0f;
            if (active_fat >= fat_count) return Error::bad_boot_sector;
        }
    }
    volume.cluster_count_ = static_cast<std::uint32_t>(clusters);
    volume.fat_offset_ = start + (reserved + active_fat * fat_size) * bytes_per_sector;
    volume.root_offset_ = start + (reserved + fat_count * fat_size) * bytes_per_sector;
    volume.root_entries_ = static_cast<std::uint32_t>(root_entries);
    volume.data_offset_ = start + first_data * bytes_per_sector;
    if (volume.type_ == FatType::fat32) {
        if (!volume.valid_cluster(root_cluster)) return Error::bad_boot_sector;
        volume.root_cluster_ = root_cluster;
    }
    return volume;
}

Node Volume::root() const {
    return Node{std::string(1, '/'), {}, true, type_ == FatType::fat32 ? root_cluster_ : 0, 0};
}

Result<Volume::Link> Volume::next_cluster(std::uint32_t cluster) const {
    if (!valid_cluster(cluster)) return Error::bad_cluster;
    std::uint32_t value = 0;
    if (type_ == FatType::fat16) {
        std::array<std::byte, 2> raw;
        if (const Error error = cache_->read(fat_offset_ + std::uint64_t(cluster) * 2, raw);
            error != Error::none)
            return error;
        value = std::to_integer<std::uint32_t>(raw[0]) | std::to_integer<std::uint32_t>(raw[1])
                                                             << 8;
        if (value >= 0xfff8) return Link{Next::end, 0};
    } else {
        std::array<std::byte, 4> raw;
        if (const Error error = cache_->read(fat_offset_ + std::uint64_t(cluster) * 4, raw);
            error != Error::none)
            return error;
        value =
            (std::to_integer<std::uint32_t>(raw[0]) | std::to_integer<std::uint32_t>(raw[1]) << 8 |
             std::to_integer<std::uint32_t>(raw[2]) << 16 |
             std::to_integer<std::uint32_t>(raw[3]) << 24) &
            0x0fffffff;
        if (value >= 0x0ffffff8) return Link{Next::end, 0};
    }
    // Free (0), reserved (1), bad (0x?ff7) and out-of-range values all fail here.
    if (!valid_cluster(value)) return Error::bad_cluster;
    return Link{Next::cluster, value};
}

Result<File> Volume::open(const Node& node) const {
    if (node.directory) return Error::is_a_directory;
    File file;
    file.node_ = node;
    if (node.size == 0) return file; // an empty file owns no cluster, whatever its entry says
    if (!valid_cluster(node.first_cluster)) return Error::bad_cluster;
    const std::uint64_t needed = (std::uint64_t(node.size) + cluster_size_ - 1) / cluster_size_;
    if (needed > cluster_count_) return Error::chain_too_short;
    // A chain that reaches its end mark exactly after `needed` clusters cannot loop.
    std::uint32_t cluster = node.first_cluster;
    for (std::uint64_t i = 1;; ++i) {
        auto link = next_cluster(cluster);
        if (!link) return link.error();
        if (i == needed) {
            if (link->kind != Next::end) return Error::chain_too_long;
            break;
        }
        if (link->kind == Next::end) return Error::chain_too_short;
        cluster = link->cluster;
    }
    file.cursor_cluster_ = node.first_cluster;
    return file;
}

Result<std::size_t> Volume::read(File& file, std::uint64_t offset, std::span<std::byte> out) const {
    const std::uint32_t size = file.node_.size;
    if (offset >= size || out.empty()) return std::size_t{0};
    if (file.cursor_cluster_ == 0) return Error::bad_cluster; // not a file from open()
    std::size_t done = 0;
    std::size_t wanted =
        static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), size - offset));
    while (done < wanted) {
        const std::uint64_t position = offset + done;
        const auto index = static_cast<std::uint32_t>(position / cluster_size_);
        if (index < file.cursor_index_) {
            file.cursor_index_ = 0;
            file.cursor_cluster_ = file.node_.first_cluster;
        }
        while (file.cursor_index_ < index) {
            auto link = next_cluster(file.cursor_cluster_);
            if (!link) {
                if (link.error() == Error::pending && done > 0) return done;
                return link.error();
            }
            if (link->kind == Next::end) return Error::chain_too_short;
            file.cursor_cluster_ = link->cluster;
            ++file.cursor_index_;
        }
        const std::uint32_t within = static_cast<std::uint32_t>(position % cluster_size_);
        const std::size_t count = std::min<std::size_t>(wanted - done, cluster_size_ - within);
        const Error error =
            cache_->read(cluster_offset(file.cursor_cluster_) + within, out.subspan(done, count));
        if (error == Error::pending && done > 0) return done;
        if (error != Error::none) return error;
        done += count;
    }
    return done;
}

} // namespace sel4::fat
