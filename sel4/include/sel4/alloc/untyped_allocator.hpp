// Decides which untyped each new object comes from, mirroring how the kernel places objects in
// an untyped (each at the next free offset aligned to its own size). Memory untypeds and device
// untypeds are kept apart: objects come from memory, device frames are asked for by physical
// address. Pure logic (no kernel calls), tested on the host.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace sel4::alloc {

// The allocator of a set of untypeds (the boot info's).
class UntypedAllocator {
  public:
    // One untyped, and how much of it the kernel has handed out.
    struct Untyped {
        std::size_t index;              // the caller's name for it (its position in the boot info)
        std::uint64_t physical_address; // where its memory starts
        unsigned size_bits;             // log 2 of its bytes
        bool device;                    // device memory (frames only), not RAM
        std::uint64_t used = 0;         // the kernel's free index: bytes already retyped
        // Its bytes.
        std::uint64_t size() const { return std::uint64_t{1} << size_bits; }
    };

    // Where an object goes: the untyped, and the offset the kernel will place it at.
    struct Placement {
        std::size_t index;    // the untyped (its caller's name)
        std::uint64_t offset; // where in it the object goes
    };

    // A device frame at a physical address: first retype `fillers` (untypeds of these sizes,
    // log 2) from the device untyped to move its free index up to the address, then the frame.
    struct DevicePlacement {
        Placement frame;               // where the frame goes
        std::vector<unsigned> fillers; // the untypeds to retype before it, log 2 sizes
    };

    // One more untyped to allocate from; used: bytes of it already retyped by someone else (the
    // kernel's free index).
    void add(std::size_t index, std::uint64_t physical_address, unsigned size_bits, bool device,
             std::uint64_t used = 0) {
        untypeds_.push_back({index, physical_address, size_bits, device, used});
    }

    // Memory for an object of 2^object_bits bytes: from the untyped where it leaves the least
    // room unused (small objects do not split the largest untypeds), or nothing if none fits.
    std::optional<Placement> allocate(unsigned object_bits) {
        Untyped* best = nullptr;
        std::uint64_t best_left = 0;
        for (auto& u : untypeds_) {
            if (u.device || object_bits > u.size_bits) continue;
            const auto offset = align_up(u.used, object_bits);
            if (offset + (std::uint64_t{1} << object_bits) > u.size()) continue;
            const auto left = u.size() - offset;
            if (!best || left < best_left) best = &u, best_left = left;
        }
        if (!best) return std::nullopt;
        const auto offset = align_up(best->used, object_bits);
        best->used = offset + (std::uint64_t{1} << object_bits);
        return Placement{best->index, offset};
    }

    // The device memory at [physical_address, + 2^object_bits), which must be aligned to its
    // size and not yet handed out.
    std::optional<DevicePlacement> allocate_device(std::uint64_t physical_address,
                                                   unsigned object_bits) {
        const std::uint64_t size = std::uint64_t{1} << object_bits;
        if (physical_address % size) return std::nullopt;
        for (auto& u : untypeds_) {
            if (!u.device || physical_address < u.physical_address ||
                physical_address + size > u.physical_address + u.size())
                continue;
            const auto target = physical_address - u.physical_address;
            if (target < u.used) return std::nullopt; // already handed out (or skipped past)
            DevicePlacement placement{{u.index, target}, {}};
            // The largest aligned blocks that fit between the free index and the target.
            auto at = u.used;
            while (at < target) {
                unsigned bits = min_filler_bits;
                while (bits + 1 <= u.size_bits && at % (std::uint64_t{1} << (bits + 1)) == 0 &&
                       at + (std::uint64_t{1} << (bits + 1)) <= target)
                    ++bits;
                if (at % (std::uint64_t{1} << bits) || at + (std::uint64_t{1} << bits) > target)
                    return std::nullopt; // not reachable with untypeds of the minimum size
                placement.fillers.push_back(bits);
                at += std::uint64_t{1} << bits;
            }
            u.used = target + size;
            return placement;
        }
        return std::nullopt;
    }

    // Bytes of (non-device) memory not handed out yet.
    std::uint64_t memory_available() const {
        std::uint64_t total = 0;
        for (const auto& u : untypeds_)
            if (!u.device) total += u.size() - u.used;
        return total;
    }

    // The untypeds, and how much of each is used.
    const std::vector<Untyped>& untypeds() const { return untypeds_; }

    // The smallest untyped the kernel creates (seL4_MinUntypedBits on every architecture).
    static constexpr unsigned min_filler_bits = 4;

  private:
    static std::uint64_t align_up(std::uint64_t value, unsigned bits) {
        const std::uint64_t mask = (std::uint64_t{1} << bits) - 1;
        return (value + mask) & ~mask;
    }
    std::vector<Untyped> untypeds_;
};

} // namespace sel4::alloc
