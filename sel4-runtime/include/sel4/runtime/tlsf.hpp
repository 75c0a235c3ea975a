// The heap's allocator: two-level segregated fit (TLSF). Every operation but realloc's copy
// takes bounded time (two bitmap scans, no list walks; only a request that no larger size class
// can serve looks through its own class's list before failing), fragmentation stays low (16 size
// classes per power of two, immediate coalescing), and every block is 16-byte aligned, as
// alignof(std::max_align_t) promises. Over-aligned requests split a free block at the aligned
// address. Memory comes in pools (the image's static heap, frames mapped from untyped memory),
// which never shrink. Freestanding and single-threaded: the runtime puts a lock around it, the
// host tests and the fuzzer drive it directly.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace sel4::runtime {

struct HeapStatistics {
    std::size_t pool_bytes = 0;      // memory given to the allocator
    std::size_t used_bytes = 0;      // usable bytes of live blocks
    std::size_t used_blocks = 0;     // live blocks
    std::size_t peak_used_bytes = 0; // high-water mark of used_bytes
    std::size_t free_bytes = 0;      // usable bytes of free blocks
    std::size_t allocations = 0;     // successful allocations, ever
    std::size_t failures = 0;        // allocations that found no block
};

class Tlsf {
  public:
    static constexpr std::size_t alignment = 16;
    static constexpr std::size_t max_pools = 8;

    constexpr Tlsf() = default;
    Tlsf(const Tlsf&) = delete;
    Tlsf& operator=(const Tlsf&) = delete;

    // Adds [memory, memory + bytes) to the heap; false when it is too small or the pool table
    // is full. The memory must stay with the allocator for good.
    bool add_pool(void* memory, std::size_t bytes) {
        auto start = align_up(reinterpret_cast<std::uintptr_t>(memory), alignment);
        const auto end = align_down(reinterpret_cast<std::uintptr_t>(memory) + bytes, alignment);
        if (pool_count_ == max_pools || end < start || end - start < 2 * header_size + min_payload)
            return false;
        auto* block = reinterpret_cast<Block*>(start);
        block->prev_phys = nullptr;
        block->set(end - start - 2 * header_size, true);
        auto* sentinel = next_phys(block);
        sentinel->prev_phys = block;
        sentinel->set(0, false);
        pools_[pool_count_] = block;
        pool_sizes_[pool_count_++] = end - start;
        stats_.pool_bytes += end - start;
        stats_.free_bytes += block->size();
        insert_free(block);
        return true;
    }

    [[nodiscard]] void* allocate(std::size_t bytes) {
        if (bytes > max_request) return fail();
        const std::size_t payload = adjust(bytes);
        Block* block = take_free(payload);
        if (!block) return fail();
        return use(block, payload);
    }

    // align: a power of two; up to 16 is what allocate() gives anyway.
    [[nodiscard]] void* allocate_aligned(std::size_t align, std::size_t bytes) {
        if (align <= alignment) return allocate(bytes);
        if (!std::has_single_bit(align) || bytes > max_request || align > max_request)
            return fail();
        const std::size_t payload = adjust(bytes);
        // Room for the worst gap before the aligned address, which must hold a free block.
        Block* block = take_free(payload + align + min_block);
        if (!block) return fail();
        const auto address = reinterpret_cast<std::uintptr_t>(block->payload());
        auto aligned = align_up(address, align);
        if (aligned != address && aligned - address < min_block)
            aligned = align_up(address + min_block, align);
        if (const std::size_t gap = aligned - address) {
            // The leading part becomes a free block of its own; its neighbour before is in use
            // (block was free, and free blocks never touch).
            auto* rest = reinterpret_cast<Block*>(reinterpret_cast<std::uintptr_t>(block) + gap);
            rest->prev_phys = block;
            rest->set(block->size() - gap, true);
            next_phys(rest)->prev_phys = rest;
            block->set(gap - header_size, true);
            stats_.free_bytes -= header_size;
            insert_free(block);
            block = rest;
        }
        return use(block, payload);
    }

    // false: not a live block of this heap, as far as its header tells (double free).
    [[nodiscard]] bool release(void* pointer) {
        if (!pointer) return true;
        Block* block = live_block(pointer);
        if (!block) return false;
        stats_.used_bytes -= block->size();
        --stats_.used_blocks;
        stats_.free_bytes += block->size();
        block->set(block->size(), true);
        insert_free(merge_free_neighbours(block));
        return true;
    }

    // realloc's semantics, except that reallocate(p, 0) keeps a minimal block. Grows in place
    // into a free neighbour when it can. nullptr when out of memory (the block stays) or when
    // pointer is not a live block (*invalid set).
    [[nodiscard]] void* reallocate(void* pointer, std::size_t bytes, bool* invalid = nullptr) {
        if (invalid) *invalid = false;
        if (!pointer) return allocate(bytes);
        Block* block = live_block(pointer);
        if (!block) {
            if (invalid) *invalid = true;
            return nullptr;
        }
        if (bytes > max_request) return fail();
        const std::size_t payload = adjust(bytes);
        const std::size_t old_size = block->size();
        if (payload <= old_size) {
            shrink(block, payload);
            return pointer;
        }
        Block* next = next_phys(block);
        if (next->is_free() && old_size + header_size + next->size() >= payload) {
            remove_free(next);
            stats_.free_bytes -= next->size();
            block->set(old_size + header_size + next->size(), false);
            next_phys(block)->prev_phys = block;
            stats_.used_bytes += block->size() - old_size;
            note_peak();
            shrink(block, payload);
            return pointer;
        }
        void* moved = allocate(bytes);
        if (!moved) return nullptr;
        std::memcpy(moved, pointer, old_size);
        (void)release(pointer);
        return moved;
    }

    // Usable bytes of a live block (at least what was asked); 0 for anything else.
    std::size_t usable_size(const void* pointer) const {
        const Block* block = live_block(const_cast<void*>(pointer));
        return block ? block->size() : 0;
    }

    const HeapStatistics& statistics() const { return stats_; }

    // The largest request allocate() would satisfy now (walks one free list).
    std::size_t largest_free() const {
        if (!fl_bitmap_) return 0;
        const unsigned fl = 63 - std::countl_zero(fl_bitmap_);
        const unsigned sl = 31 - std::countl_zero(sl_bitmap_[fl]);
        std::size_t largest = 0;
        for (const Block* b = heads_[fl][sl]; b; b = b->next_free)
            largest = b->size() > largest ? b->size() : largest;
        return largest;
    }

    // Walks every pool and every free list; false on any broken invariant (for tests, the
    // fuzzer, and leak checks that want certainty).
    bool check() const {
        std::size_t free_in_pools = 0, free_bytes = 0, used_blocks = 0, used_bytes = 0;
        for (std::size_t p = 0; p < pool_count_; ++p) {
            const Block* previous = nullptr;
            const Block* block = pools_[p];
            for (;;) {
                if (block->prev_phys != previous) return false;
                if (reinterpret_cast<std::uintptr_t>(block) % alignment) return false;
                if (block->size() == 0 && !block->is_free()) break; // sentinel
                if (block->size() < min_payload || block->size() % alignment) return false;
                if (block->is_free()) {
                    if (previous && previous->is_free()) return false; // not coalesced
                    unsigned fl, sl;
                    mapping_insert(block->size(), fl, sl);
                    if (!in_list(block, fl, sl)) return false;
                    ++free_in_pools;
                    free_bytes += block->size();
                } else {
                    ++used_blocks;
                    used_bytes += block->size();
                }
                previous = block;
                block = next_phys(block);
            }
        }
        std::size_t free_in_lists = 0;
        for (unsigned fl = 0; fl < fl_count; ++fl) {
            if (((fl_bitmap_ >> fl) & 1) != (sl_bitmap_[fl] != 0)) return false;
            for (unsigned sl = 0; sl < sl_count; ++sl) {
                if (((sl_bitmap_[fl] >> sl) & 1) != (heads_[fl][sl] != nullptr)) return false;
                const Block* before = nullptr;
                for (const Block* b = heads_[fl][sl]; b; b = b->next_free) {
                    if (!b->is_free() || b->prev_free != before) return false;
                    if (++free_in_lists > free_in_pools) return false; // a cycle
                    before = b;
                }
            }
        }
        return free_in_lists == free_in_pools && free_bytes == stats_.free_bytes &&
               used_blocks == stats_.used_blocks && used_bytes == stats_.used_bytes;
    }

  private:
    // A block: this header, then its payload (size() bytes), then the next block's header.
    // Free blocks keep their free-list links in the payload.
    struct Block {
        Block* prev_phys; // the block before in its pool, nullptr for the first
        std::size_t info; // size | free bit
        Block* next_free; // free blocks only
        Block* prev_free;

        std::size_t size() const { return info & ~std::size_t{1}; }
        bool is_free() const { return info & 1; }
        void set(std::size_t size, bool free) { info = size | (free ? 1 : 0); }
        void* payload() { return reinterpret_cast<std::byte*>(this) + header_size; }
    };

    static constexpr std::size_t header_size = 2 * sizeof(void*) > alignment ? 2 * sizeof(void*)
                                                                             : alignment;
    static constexpr std::size_t min_payload = alignment > 2 * sizeof(void*) ? alignment
                                                                             : 2 * sizeof(void*);
    static constexpr std::size_t min_block = header_size + min_payload;
    static constexpr unsigned sl_log2 = 4; // 16 size classes per power of two
    static constexpr unsigned sl_count = 1u << sl_log2;
    static constexpr unsigned fl_shift = sl_log2 + 4; // log2(alignment)
    static constexpr std::size_t small_limit = std::size_t{1} << fl_shift;
    static constexpr unsigned fl_count = sizeof(std::size_t) == 8 ? 40 : 24;
    static constexpr std::size_t max_request = std::size_t{1} << (fl_shift + fl_count - 2);

    static constexpr std::uintptr_t align_up(std::uintptr_t value, std::size_t align) {
        return (value + align - 1) & ~(std::uintptr_t(align) - 1);
    }
    static constexpr std::uintptr_t align_down(std::uintptr_t value, std::size_t align) {
        return value & ~(std::uintptr_t(align) - 1);
    }
    static std::size_t adjust(std::size_t bytes) {
        const std::size_t size = align_up(bytes, alignment);
        return size < min_payload ? min_payload : size;
    }
    static Block* next_phys(const Block* block) {
        return reinterpret_cast<Block*>(reinterpret_cast<std::uintptr_t>(block) + header_size +
                                        block->size());
    }
    static Block* block_of(void* pointer) {
        return reinterpret_cast<Block*>(reinterpret_cast<std::uintptr_t>(pointer) - header_size);
    }

    // The list a free block of this size belongs in.
    static void mapping_insert(std::size_t size, unsigned& fl, unsigned& sl) {
        if (size < small_limit) {
            fl = 0;
            sl = static_cast<unsigned>(size / alignment);
        } else {
            const unsigned top = static_cast<unsigned>(std::bit_width(size)) - 1;
            sl = static_cast<unsigned>(size >> (top - sl_log2)) ^ sl_count;
            fl = top - fl_shift + 1;
        }
    }
    // The first list whose every block fits size (rounds up to the next class).
    static void mapping_search(std::size_t size, unsigned& fl, unsigned& sl) {
        if (size >= small_limit)
            size += (std::size_t{1} << (std::bit_width(size) - 1 - sl_log2)) - 1;
        mapping_insert(size, fl, sl);
    }

    bool in_list(const Block* block, unsigned fl, unsigned sl) const {
        for (const Block* b = heads_[fl][sl]; b; b = b->next_free)
            if (b == block) return true;
        return false;
    }

    void insert_free(Block* block) {
        unsigned fl, sl;
        mapping_insert(block->size(), fl, sl);
        Block* head = heads_[fl][sl];
        block->next_free = head;
        block->prev_free = nullptr;
        if (head) head->prev_free = block;
        heads_[fl][sl] = block;
        fl_bitmap_ |= std::uint64_t{1} << fl;
        sl_bitmap_[fl] |= 1u << sl;
    }

    void remove_free(Block* block) {
        unsigned fl, sl;
        mapping_insert(block->size(), fl, sl);
        if (block->next_free) block->next_free->prev_free = block->prev_free;
        if (block->prev_free)
            block->prev_free->next_free = block->next_free;
        else
            heads_[fl][sl] = block->next_free;
        if (!heads_[fl][sl]) {
            sl_bitmap_[fl] &= ~(1u << sl);
            if (!sl_bitmap_[fl]) fl_bitmap_ &= ~(std::uint64_t{1} << fl);
        }
    }

    // Removes and returns a free block of at least size bytes: in O(1) from a class whose
    // every block fits; failing that, from the request's own class, whose blocks may be
    // smaller (so that a request close to the largest free block still succeeds).
    Block* take_free(std::size_t size) {
        if (Block* block = take_from_larger_class(size)) return block;
        unsigned fl, sl;
        mapping_insert(size, fl, sl);
        if (fl >= fl_count) return nullptr;
        for (Block* block = heads_[fl][sl]; block; block = block->next_free) {
            if (block->size() >= size) {
                remove_free(block);
                return block;
            }
        }
        return nullptr;
    }

    Block* take_from_larger_class(std::size_t size) {
        unsigned fl, sl;
        mapping_search(size, fl, sl);
        if (fl >= fl_count) return nullptr;
        std::uint32_t sl_map = sl_bitmap_[fl] & (~std::uint32_t{0} << sl);
        if (!sl_map) {
            const std::uint64_t fl_map = fl_bitmap_ & (~std::uint64_t{0} << (fl + 1));
            if (!fl_map) return nullptr;
            fl = static_cast<unsigned>(std::countr_zero(fl_map));
            sl_map = sl_bitmap_[fl];
        }
        sl = static_cast<unsigned>(std::countr_zero(sl_map));
        Block* block = heads_[fl][sl];
        remove_free(block);
        return block;
    }

    // Marks a free block (already off its list) used, returning its tail to the heap.
    void* use(Block* block, std::size_t payload) {
        stats_.free_bytes -= block->size();
        block->set(block->size(), false);
        stats_.used_bytes += block->size();
        ++stats_.used_blocks;
        ++stats_.allocations;
        shrink(block, payload);
        note_peak();
        return block->payload();
    }

    // Splits a used block's tail beyond payload off as a free block, if it can hold one.
    void shrink(Block* block, std::size_t payload) {
        if (block->size() < payload + min_block) return;
        auto* rest =
            reinterpret_cast<Block*>(reinterpret_cast<std::uintptr_t>(block->payload()) + payload);
        rest->prev_phys = block;
        rest->set(block->size() - payload - header_size, true);
        next_phys(rest)->prev_phys = rest;
        stats_.used_bytes -= block->size() - payload;
        block->set(payload, false);
        stats_.free_bytes += rest->size();
        insert_free(merge_free_neighbours(rest));
    }

    // Coalesces a free block (counted in free_bytes, on no list) with free neighbours.
    Block* merge_free_neighbours(Block* block) {
        Block* next = next_phys(block);
        if (next->is_free()) {
            remove_free(next);
            block->set(block->size() + header_size + next->size(), true);
            next_phys(block)->prev_phys = block;
            stats_.free_bytes += header_size;
        }
        Block* previous = block->prev_phys;
        if (previous && previous->is_free()) {
            remove_free(previous);
            previous->set(previous->size() + header_size + block->size(), true);
            next_phys(previous)->prev_phys = previous;
            stats_.free_bytes += header_size;
            block = previous;
        }
        return block;
    }

    // The block of a pointer handed out by this heap, or nullptr when its header says it is
    // not one (misaligned, outside every pool, already free, links inconsistent).
    Block* live_block(void* pointer) const {
        const auto address = reinterpret_cast<std::uintptr_t>(pointer);
        if (address % alignment || !in_pools(address)) return nullptr;
        Block* block = block_of(pointer);
        if (block->is_free() || block->size() < min_payload) return nullptr;
        const Block* next = next_phys(block);
        if (!in_pools(reinterpret_cast<std::uintptr_t>(next)) || next->prev_phys != block)
            return nullptr;
        return block;
    }

    bool in_pools(std::uintptr_t address) const {
        for (std::size_t p = 0; p < pool_count_; ++p) {
            const auto start = reinterpret_cast<std::uintptr_t>(pools_[p]);
            if (address > start && address - start < pool_sizes_[p]) return true;
        }
        return false;
    }

    void* fail() {
        ++stats_.failures;
        return nullptr;
    }
    void note_peak() {
        if (stats_.used_bytes > stats_.peak_used_bytes) stats_.peak_used_bytes = stats_.used_bytes;
    }

    std::uint64_t fl_bitmap_ = 0;
    std::uint32_t sl_bitmap_[fl_count] = {};
    Block* heads_[fl_count][sl_count] = {};
    Block* pools_[max_pools] = {};
    std::size_t pool_sizes_[max_pools] = {};
    std::size_t pool_count_ = 0;
    HeapStatistics stats_;
};

} // namespace sel4::runtime
