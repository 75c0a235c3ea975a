// The page tables the kernel is entered with: on 64-bit architectures a radix tree of 512-entry
// tables with 2 MiB leaves, in a fixed pool (the loader has no heap); on 32-bit ones a single
// table of sections or megapages. The descriptor encoding is the architecture's (Aarch64, Sv39,
// ArmSections, Sv32 below). Freestanding, and tested on the host.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sel4::kernel_loader {

enum class Memory { normal, device };

inline constexpr std::uint64_t block_size = 2u << 20;

// aarch64 VMSAv8-64, 4 KiB granule, 48-bit addresses: four levels, 2 MiB blocks at level 2.
// Attribute indices match the MAIR the loader programs: 0 device-nGnRnE, 4 normal WBWA.
struct Aarch64 {
    static constexpr int levels = 4;
    static constexpr std::uint64_t table(std::uint64_t physical) { return physical | 0b11; }
    static constexpr std::uint64_t block(std::uint64_t physical, Memory memory) {
        const std::uint64_t attr_index = memory == Memory::normal ? 4 : 0;
        const std::uint64_t inner_shareable = memory == Memory::normal ? (3u << 8) : 0;
        return physical | (1u << 10) /* access flag */ | inner_shareable | (attr_index << 2) | 0b01;
    }
    static constexpr bool is_table(std::uint64_t entry) { return (entry & 0b11) == 0b11; }
    static constexpr bool is_valid(std::uint64_t entry) { return entry & 1; }
    static constexpr std::uint64_t address(std::uint64_t entry) {
        return entry & 0x0000fffffffff000ull;
    }
};

// RISC-V Sv39: three levels, 2 MiB megapages at level 1.
struct Sv39 {
    static constexpr int levels = 3;
    static constexpr std::uint64_t valid = 1, read = 2, write = 4, execute = 8, accessed = 64,
                                   dirty = 128;
    static constexpr std::uint64_t table(std::uint64_t physical) {
        return ((physical >> 12) << 10) | valid;
    }
    static constexpr std::uint64_t block(std::uint64_t physical, Memory) {
        return ((physical >> 12) << 10) | read | write | execute | accessed | dirty | valid;
    }
    static constexpr bool is_table(std::uint64_t entry) {
        return (entry & valid) && !(entry & (read | write | execute));
    }
    static constexpr bool is_valid(std::uint64_t entry) { return entry & valid; }
    static constexpr std::uint64_t address(std::uint64_t entry) { return (entry >> 10) << 12; }
};

using Table = std::uint64_t[512];

template <class Arch>
class PageTables {
  public:
    // pool: zeroed, 4 KiB-aligned tables; table addresses are used as physical addresses
    // (the loader runs identity-mapped).
    PageTables(Table* pool, std::size_t count) : pool_(pool), count_(count), used_(1) {}

    std::uint64_t root_address() const { return reinterpret_cast<std::uintptr_t>(pool_[0]); }

    // Maps [virtual, virtual + size) to physical in 2 MiB blocks (both rounded down to 2 MiB,
    // size rounded up). False when the pool is exhausted or a block is already mapped
    // elsewhere.
    bool map(std::uint64_t virtual_address, std::uint64_t physical, std::uint64_t size,
             Memory memory) {
        const std::uint64_t offset = virtual_address % block_size;
        virtual_address -= offset;
        physical -= physical % block_size;
        size += offset;
        for (std::uint64_t done = 0; done < size; done += block_size)
            if (!map_block(virtual_address + done, physical + done, memory)) return false;
        return true;
    }

    // Walks the tables like the MMU; false when unmapped.
    bool translate(std::uint64_t virtual_address, std::uint64_t& physical) const {
        const std::uint64_t* table = pool_[0];
        for (int level = 0; level < Arch::levels - 2; ++level) {
            const auto entry = table[index(virtual_address, level)];
            if (!Arch::is_valid(entry) || !Arch::is_table(entry)) return false;
            table = reinterpret_cast<const std::uint64_t*>(
                static_cast<std::uintptr_t>(Arch::address(entry)));
        }
        const auto entry = table[index(virtual_address, Arch::levels - 2)];
        if (!Arch::is_valid(entry) || Arch::is_table(entry)) return false;
        physical = Arch::address(entry) + virtual_address % block_size;
        return true;
    }

    std::size_t tables_used() const { return used_; }

    static constexpr std::size_t index(std::uint64_t virtual_address, int level) {
        return (virtual_address >> (12 + 9 * (Arch::levels - 1 - level))) & 511;
    }

  private:
    bool map_block(std::uint64_t virtual_address, std::uint64_t physical, Memory memory) {
        std::uint64_t* table = pool_[0];
        for (int level = 0; level < Arch::levels - 2; ++level) {
            auto& entry = table[index(virtual_address, level)];
            if (!Arch::is_valid(entry)) {
                if (used_ == count_) return false;
                entry = Arch::table(reinterpret_cast<std::uintptr_t>(pool_[used_++]));
            } else if (!Arch::is_table(entry)) {
                return false;
            }
            table =
                reinterpret_cast<std::uint64_t*>(static_cast<std::uintptr_t>(Arch::address(entry)));
        }
        auto& leaf = table[index(virtual_address, Arch::levels - 2)];
        const auto wanted = Arch::block(physical, memory);
        if (Arch::is_valid(leaf) && leaf != wanted) return false;
        leaf = wanted;
        return true;
    }

    Table* pool_;
    std::size_t count_;
    std::size_t used_;
};

// 32-bit architectures need only one level: the root table's leaves cover the kernel window.

// ARMv7-A short-descriptor format (TTBCR.N = 0): 4096 entries, 1 MiB sections, privileged
// access only (AP = 0b01, domain 0). Normal memory is write-back write-allocate (TEX 001, C, B),
// shareable; device memory is shareable device (B only).
struct ArmSections {
    using Entry = std::uint32_t;
    static constexpr std::size_t entries = 4096;
    static constexpr std::uint64_t leaf_size = 1u << 20;
    static constexpr Entry leaf(std::uint64_t physical, Memory memory) {
        const Entry attributes = memory == Memory::normal
                                     ? (1u << 16) /* S */ | (1u << 12) /* TEX 001 */ | 0b1100
                                     : 0b0100; /* B */
        return static_cast<Entry>(physical & ~(leaf_size - 1)) | (1u << 10) /* AP 01 */ |
               attributes | 0b10;
    }
    static constexpr bool is_valid(Entry entry) { return (entry & 0b11) != 0; }
    static constexpr std::uint64_t address(Entry entry) { return entry & 0xfff00000u; }
};

// RISC-V Sv32: 1024 entries, 4 MiB megapages.
struct Sv32 {
    using Entry = std::uint32_t;
    static constexpr std::size_t entries = 1024;
    static constexpr std::uint64_t leaf_size = 4u << 20;
    static constexpr Entry valid = 1, read = 2, write = 4, execute = 8, accessed = 64, dirty = 128;
    static constexpr Entry leaf(std::uint64_t physical, Memory) {
        return static_cast<Entry>(((physical & ~(leaf_size - 1)) >> 12) << 10) | read | write |
               execute | accessed | dirty | valid;
    }
    static constexpr bool is_valid(Entry entry) { return entry & valid; }
    static constexpr std::uint64_t address(Entry entry) {
        return static_cast<std::uint64_t>(entry >> 10) << 12;
    }
};

template <class Arch>
class SingleLevelTable {
  public:
    using Entry = typename Arch::Entry;
    static constexpr std::uint64_t address_space = Arch::entries * Arch::leaf_size;

    // table: Arch::entries zeroed entries, aligned as the MMU needs (16 KiB ARM, 4 KiB Sv32).
    explicit SingleLevelTable(Entry* table) : table_(table) {}

    // Maps [virtual, virtual + size) to physical in leaves (both rounded down to a leaf, size
    // rounded up). False when it leaves the 32-bit address space or a leaf is already mapped
    // elsewhere.
    bool map(std::uint64_t virtual_address, std::uint64_t physical, std::uint64_t size,
             Memory memory) {
        const std::uint64_t offset = virtual_address % Arch::leaf_size;
        virtual_address -= offset;
        physical -= physical % Arch::leaf_size;
        size += offset;
        if (virtual_address >= address_space || size > address_space - virtual_address ||
            physical >= (1ull << 32) || size > (1ull << 32) - physical)
            return false;
        for (std::uint64_t done = 0; done < size; done += Arch::leaf_size) {
            auto& entry = table_[(virtual_address + done) / Arch::leaf_size];
            const auto wanted = Arch::leaf(physical + done, memory);
            if (Arch::is_valid(entry) && entry != wanted) return false;
            entry = wanted;
        }
        return true;
    }

    bool translate(std::uint64_t virtual_address, std::uint64_t& physical) const {
        if (virtual_address >= address_space) return false;
        const auto entry = table_[virtual_address / Arch::leaf_size];
        if (!Arch::is_valid(entry)) return false;
        physical = Arch::address(entry) + virtual_address % Arch::leaf_size;
        return true;
    }

  private:
    Entry* table_;
};

} // namespace sel4::kernel_loader
