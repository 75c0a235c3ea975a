// A read-only FAT16/FAT32 volume with long file names, read through a BlockCache. Every on-disk
// value is checked before use: BPB fields, partition bounds, cluster numbers, chain lengths
// (which also rules out loops), directory entries. A read that meets a pending block returns
// Error::pending and can be retried unchanged once the cache has the block.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include <sel4/fat/block_cache.hpp>
#include <sel4/fat/error.hpp>

namespace sel4::fat {

enum class FatType { fat16, fat32 };

// A file or directory as its directory entry describes it.
struct Node {
    std::string name;       // the long name, or else the short name as DOS shows it
    std::string short_name; // the short alias when there is a long name, else empty
    bool directory = false;
    std::uint32_t first_cluster = 0; // 0 for an empty file, and for FAT16's root directory
    std::uint32_t size = 0;
};

// An open file: its node and where in its cluster chain the last read ended, so that reading on
// from there costs one FAT lookup per cluster.
class File {
  public:
    const Node& node() const { return node_; }
    std::uint32_t size() const { return node_.size; }

  private:
    friend class Volume;
    Node node_;
    std::uint32_t cursor_index_ = 0;   // the position in the chain ...
    std::uint32_t cursor_cluster_ = 0; // ... of this cluster
};

// A non-owning reference to something callable as bool(const Node&).
class NodeVisitor {
  public:
    template <class F>
    requires(!std::is_same_v<std::remove_cvref_t<F>, NodeVisitor>) NodeVisitor(F&& f)
        : object_(const_cast<void*>(static_cast<const void*>(&f))),
          call_([](void* object, const Node& node) {
              return static_cast<bool>((*static_cast<std::remove_reference_t<F>*>(object))(node));
          }) {}
    bool operator()(const Node& node) const { return call_(object_, node); }

  private:
    void* object_;
    bool (*call_)(void*, const Node&);
};

class Volume {
  public:
    // The first FAT partition of an MBR, or a volume that starts at sector 0.
    static Result<Volume> mount(BlockCache& cache);
    // A volume in the given sectors of the device.
    static Result<Volume> mount_at(BlockCache& cache, std::uint64_t first_sector,
                                   std::uint64_t sector_count);

    FatType type() const { return type_; }
    std::uint32_t cluster_size() const { return cluster_size_; }
    std::uint32_t cluster_count() const { return cluster_count_; }
    Node root() const;

    // The entry called `name` (compared without regard to ASCII case) in `directory`.
    Result<Node> find(const Node& directory, std::string_view name) const;
    // A '/'-separated path from the root; "" and "/" are the root.
    Result<Node> lookup(std::string_view path) const;
    // Calls visit for every entry of `directory` but "." and "..", until it returns false.
    [[nodiscard]] Error list(const Node& directory, NodeVisitor visit) const;

    // Checks the file's cluster chain (in range, exactly as long as its size needs).
    Result<File> open(const Node& node) const;
    // Copies up to out.size() bytes from `offset`; fewer at the end of the file. With a pending
    // block it returns the bytes copied before it, or Error::pending if none.
    Result<std::size_t> read(File& file, std::uint64_t offset, std::span<std::byte> out) const;

  private:
    enum class Next { cluster, end };
    struct Link {
        Next kind;
        std::uint32_t cluster;
    };

    Volume(BlockCache& cache) : cache_(&cache) {}
    Result<Link> next_cluster(std::uint32_t cluster) const;
    bool valid_cluster(std::uint32_t cluster) const {
        return cluster >= 2 && cluster - 2 < cluster_count_;
    }
    std::uint64_t cluster_offset(std::uint32_t cluster) const {
        return data_offset_ + std::uint64_t(cluster - 2) * cluster_size_;
    }
    // Calls visit with every 32-byte entry of the directory until it returns false.
    template <class Visit>
    Error for_each_entry(const Node& directory, Visit&& visit) const;

    BlockCache* cache_;
    FatType type_ = FatType::fat16;
    std::uint32_t cluster_size_ = 0;
    std::uint32_t cluster_count_ = 0;
    std::uint64_t fat_offset_ = 0;  // bytes from the device's start to the FAT in use
    std::uint64_t root_offset_ = 0; // FAT16: the fixed root directory
    std::uint32_t root_entries_ = 0;
    std::uint32_t root_cluster_ = 0; // FAT32
    std::uint64_t data_offset_ = 0;  // cluster 2
};

} // namespace sel4::fat
