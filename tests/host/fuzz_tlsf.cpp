// libFuzzer: replays an allocation sequence read from the input (allocate, aligned allocate,
// reallocate, free) against the heap, checking after every step that blocks are aligned, do not
// overlap (each keeps its fill pattern), and that every heap invariant holds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <sel4/runtime/tlsf.hpp>

namespace {

struct Live {
    unsigned char* pointer;
    std::size_t size;
    unsigned char fill;
};

void require(bool condition) {
    if (!condition) std::abort();
}

void verify(const Live& block) {
    for (std::size_t i = 0; i < block.size; ++i)
        require(block.pointer[i] == block.fill);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    alignas(16) static std::byte memory[1 << 16];
    sel4::runtime::Tlsf tlsf;
    require(tlsf.add_pool(memory + (size ? data[0] % 16 : 0), sizeof memory - 16));
    std::vector<Live> live;
    unsigned char fill = 0;
    for (std::size_t at = 1; at + 3 <= size; at += 3) {
        const unsigned op = data[at] % 4;
        const std::size_t amount = (std::size_t{data[at + 1]} << (data[at + 2] % 9)) + data[at + 2];
        if (op == 3 && !live.empty()) {
            const std::size_t i = amount % live.size();
            verify(live[i]);
            require(tlsf.release(live[i].pointer));
            live[i] = live.back();
            live.pop_back();
        } else if (op == 2 && !live.empty()) {
            const std::size_t i = data[at + 1] % live.size();
            verify(live[i]);
            const std::size_t keep = live[i].size < amount ? live[i].size : amount;
            auto* moved = static_cast<unsigned char*>(tlsf.reallocate(live[i].pointer, amount));
            if (moved) {
                for (std::size_t k = 0; k < keep; ++k)
                    require(moved[k] == live[i].fill);
                live[i] = {moved, amount, ++fill};
                std::memset(moved, fill, amount);
            }
        } else {
            const std::size_t align = op == 1 ? std::size_t{32} << (data[at + 1] % 8) : 16;
            auto* p = static_cast<unsigned char*>(op == 1 ? tlsf.allocate_aligned(align, amount)
                                                          : tlsf.allocate(amount));
            if (p) {
                require(reinterpret_cast<std::uintptr_t>(p) % align == 0);
                require(tlsf.usable_size(p) >= amount);
                live.push_back({p, amount, ++fill});
                std::memset(p, fill, amount);
            }
        }
        require(tlsf.check());
    }
    for (const Live& block : live) {
        verify(block);
        require(tlsf.release(block.pointer));
    }
    require(tlsf.check());
    require(tlsf.statistics().used_blocks == 0);
    return 0;
}
