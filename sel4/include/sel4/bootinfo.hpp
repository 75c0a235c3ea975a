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
    seL4_CPtr start, end; // [start, end)
    constexpr std::size_t size() const { return end - start; }
    constexpr bool contains(seL4_CPtr slot) const { return slot >= start && slot < end; }
};

struct UntypedInfo {
    cap::Untyped cap;
    seL4_Word physical_address;
    unsigned size_bits;
    bool is_device;
    constexpr std::uint64_t size() const { return std::uint64_t{1} << size_bits; }
};

// One extra boot info chunk: its kind (SEL4_BOOTINFO_HEADER_*) and its bytes (header excluded).
struct BootInfoChunk {
    seL4_Word id;
    std::span<const std::byte> data;
};

class BootInfo {
  public:
    explicit BootInfo(const seL4_BootInfo& raw) : raw_(raw) {}
    const seL4_BootInfo& raw() const { return raw_; }

    seL4_Word node_id() const { return raw_.nodeID; }
    seL4_Word num_nodes() const { return raw_.numNodes; }
    seL4_IPCBuffer* ipc_buffer() const { return raw_.ipcBuffer; }
    SlotRegion empty() const { return region(raw_.empty); }
    SlotRegion user_image_frames() const { return region(raw_.userImageFrames); }
    SlotRegion untyped_slots() const { return region(raw_.untyped); }
    SlotRegion shared_frames() const { return region(raw_.sharedFrames); }
    SlotRegion user_image_paging() const { return region(raw_.userImagePaging); }

    class Untypeds {
      public:
        class iterator {
          public:
            iterator(const seL4_BootInfo* raw, std::size_t index) : raw_(raw), index_(index) {}
            UntypedInfo operator*() const {
                const auto& desc = raw_->untypedList[index_];
                return {cap::Untyped(raw_->untyped.start + index_), desc.paddr, desc.sizeBits,
                        desc.isDevice != 0};
            }
            iterator& operator++() {
                ++index_;
                return *this;
            }
            bool operator==(const iterator& other) const { return index_ == other.index_; }

          private:
            const seL4_BootInfo* raw_;
            std::size_t index_;
        };
        explicit Untypeds(const seL4_BootInfo& raw) : raw_(&raw) {}
        iterator begin() const { return {raw_, 0}; }
        iterator end() const { return {raw_, raw_->untyped.end - raw_->untyped.start}; }

      private:
        const seL4_BootInfo* raw_;
    };
    Untypeds untypeds() const { return Untypeds(raw_); }

    class Chunks {
      public:
        class iterator {
          public:
            iterator(const std::byte* at, const std::byte* end) : at_(at), end_(end) {
                skip_padding();
            }
            BootInfoChunk operator*() const {
                const auto* header = reinterpret_cast<const seL4_BootInfoHeader*>(at_);
                return {header->id, {at_ + sizeof *header, header->len - sizeof *header}};
            }
            iterator& operator++() {
                at_ += reinterpret_cast<const seL4_BootInfoHeader*>(at_)->len;
                skip_padding();
                return *this;
            }
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
        Chunks(const std::byte* begin, std::size_t size) : begin_(begin), end_(begin + size) {}
        iterator begin() const { return {begin_, end_}; }
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
