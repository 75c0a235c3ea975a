// The boot info as views: slot regions, untypeds with their size and device flag, and the extra
// boot info headers (device tree, x86 tables), iterated rather than walked by hand.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include <sel4/sel4.hpp>

namespace sel4 {

// A range of slots of the initial thread's CNode.
struct SlotRegion {
    seL4_CPtr start; // the first slot
    seL4_CPtr end;   // one past the last slot
    // How many slots.
    constexpr std::size_t size() const { return end - start; }
    // Whether slot is in the range.
    constexpr bool contains(seL4_CPtr slot) const { return slot >= start && slot < end; }
};

// An untyped capability the kernel gave the root task, and the memory behind it.
struct UntypedInfo {
    cap::Untyped cap;           // the capability
    seL4_Word physical_address; // where its memory starts
    unsigned size_bits;         // its size, log 2
    bool is_device;             // device memory (frames only), not RAM
    // Its size in bytes.
    constexpr std::uint64_t size() const { return std::uint64_t{1} << size_bits; }
};

// One extra boot info chunk: its kind (SEL4_BOOTINFO_HEADER_*) and its bytes (header excluded).
struct BootInfoChunk {
    seL4_Word id;                    // SEL4_BOOTINFO_HEADER_*
    std::span<const std::byte> data; // the chunk's bytes after its header
};

// What the runtime retyped from the boot info before main ran (a root task's untyped heap), so
// that sel4::Env hands out only the rest: the first empty slot left, and the bytes taken from
// each untyped (by its position in the boot info).
struct BootInfoUse {
    seL4_CPtr first_free_slot = 0; // the first empty slot left (0: no slot taken)
    // Bytes retyped from each untyped, by its position in the boot info.
    std::uint64_t untyped_bytes_used[CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS] = {};
};
// This root task's record of what its runtime took before main (written once, at start).
inline constinit BootInfoUse boot_info_use{};

// What the kernel tells the root task at boot, as views over libsel4's seL4_BootInfo.
class BootInfo {
  public:
    // A view of the boot info the root task was started with.
    explicit BootInfo(const seL4_BootInfo& raw) : raw_(raw) {}
    // libsel4's structure.
    const seL4_BootInfo& raw() const { return raw_; }

    // This core's index (SMP).
    seL4_Word node_id() const { return raw_.nodeID; }
    // How many cores the kernel runs on.
    seL4_Word num_nodes() const { return raw_.numNodes; }
    // The root task's IPC buffer.
    seL4_IPCBuffer* ipc_buffer() const { return raw_.ipcBuffer; }
    // The free slots of the root CNode.
    SlotRegion empty() const { return region(raw_.empty); }
    // The frames of the root task's own image.
    SlotRegion user_image_frames() const { return region(raw_.userImageFrames); }
    // The untyped capabilities (untypeds() describes each).
    SlotRegion untyped_slots() const { return region(raw_.untyped); }
    // Frames shared with other cores' root tasks (multikernel set-ups).
    SlotRegion shared_frames() const { return region(raw_.sharedFrames); }
    // The page tables of the root task's image.
    SlotRegion user_image_paging() const { return region(raw_.userImagePaging); }

    // The untyped capabilities, with their memory, in slot order.
    class Untypeds {
      public:
        // Walks the untyped list.
        class iterator {
          public:
            // The index-th untyped of raw.
            iterator(const seL4_BootInfo* raw, std::size_t index) : raw_(raw), index_(index) {}
            // The untyped it is at.
            UntypedInfo operator*() const {
                const auto& desc = raw_->untypedList[index_];
                return {cap::Untyped(raw_->untyped.start + index_), desc.paddr, desc.sizeBits,
                        desc.isDevice != 0};
            }
            // The next untyped.
            iterator& operator++() {
                ++index_;
                return *this;
            }
            // At the same untyped.
            bool operator==(const iterator& other) const { return index_ == other.index_; }

          private:
            const seL4_BootInfo* raw_;
            std::size_t index_;
        };
        // The untypeds of raw.
        explicit Untypeds(const seL4_BootInfo& raw) : raw_(&raw) {}
        // The first untyped.
        iterator begin() const { return {raw_, 0}; }
        // One past the last.
        iterator end() const { return {raw_, raw_->untyped.end - raw_->untyped.start}; }

      private:
        const seL4_BootInfo* raw_;
    };
    // The untyped capabilities, for a range-for.
    Untypeds untypeds() const { return Untypeds(raw_); }

    // The extra boot info chunks (padding skipped; a malformed header ends the walk).
    class Chunks {
      public:
        // Walks the chunks.
        class iterator {
          public:
            // At the chunk at at, in a region ending at end.
            iterator(const std::byte* at, const std::byte* end) : at_(at), end_(end) {
                skip_padding();
            }
            // The chunk it is at.
            BootInfoChunk operator*() const {
                const auto* header = reinterpret_cast<const seL4_BootInfoHeader*>(at_);
                return {header->id, {at_ + sizeof *header, header->len - sizeof *header}};
            }
            // The next chunk.
            iterator& operator++() {
                at_ += reinterpret_cast<const seL4_BootInfoHeader*>(at_)->len;
                skip_padding();
                return *this;
            }
            // At the same chunk.
            bool operator==(const iterator& other) const { return at_ == other.at_; }

          private:
            // Stops at the end, at a malformed header, and skips padding chunks.
            void skip_padding() {
                while (at_ < end_) {
                    const auto* header = reinterpret_cast<const seL4_BootInfoHeader*>(at_);
                    if (header->len < sizeof *header ||
                        header->len > static_cast<std::size_t>(end_ - at_)) {
                        at_ = end_;
                        return;
                    }
                    if (header->id != SEL4_BOOTINFO_HEADER_PADDING) return;
                    at_ += header->len;
                }
                at_ = end_;
            }
            const std::byte* at_;
            const std::byte* end_;
        };
        // The chunks in size bytes at begin.
        Chunks(const std::byte* begin, std::size_t size) : begin_(begin), end_(begin + size) {}
        // The first chunk.
        iterator begin() const { return {begin_, end_}; }
        // One past the last.
        iterator end() const { return {end_, end_}; }

      private:
        const std::byte* begin_;
        const std::byte* end_;
    };
    // The extra boot info follows the boot info frame.
    Chunks extra() const {
        return Chunks(reinterpret_cast<const std::byte*>(&raw_) + seL4_BootInfoFrameSize,
                      raw_.extraLen);
    }

    // The first non-device untyped of at least size_bits, or a null cap.
    cap::Untyped find_memory(unsigned size_bits) const {
        for (const auto untyped : untypeds())
            if (!untyped.is_device && untyped.size_bits >= size_bits) return untyped.cap;
        return cap::Untyped();
    }

  private:
    static constexpr SlotRegion region(seL4_SlotRegion r) { return {r.start, r.end}; }
    const seL4_BootInfo& raw_;
};

} // namespace sel4
