// Where the initial thread's TLS block and thread pointer go, for each TLS variant seL4's
// architectures use. Pure arithmetic, so the host tests check it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace sel4::runtime {

// The PT_TLS segment of the image.
struct TlsImage {
    const void* init = nullptr; // initialisation data (p_vaddr)
    std::size_t file_size = 0;  // p_filesz: bytes copied from init
    std::size_t mem_size = 0;   // p_memsz: the rest is zeroed
    std::size_t align = 1;      // p_align
};

enum class TlsVariant {
    // Variant I: TLS block above the thread pointer, after a TCB of tcb_size bytes
    // (aarch64: 16, riscv64: 0).
    AboveThreadPointer,
    // Variant II: TLS block below the thread pointer, which points at a self pointer (x86_64).
    BelowThreadPointer,
};

struct TlsLayout {
    std::size_t region_size = 0;  // bytes to reserve
    std::size_t region_align = 1; // alignment of the region
    std::size_t block_offset = 0; // TLS block, from the region start
    std::size_t thread_pointer_offset = 0;
};

constexpr std::size_t align_up(std::size_t value, std::size_t align) {
    return (value + align - 1) / align * align;
}

constexpr bool is_power_of_two(std::size_t value) {
    return value && !(value & (value - 1));
}

constexpr TlsLayout compute_tls_layout(const TlsImage& image, TlsVariant variant,
                                       std::size_t tcb_size = 0) {
    const std::size_t align = image.align ? image.align : 1;
    TlsLayout layout;
    if (variant == TlsVariant::AboveThreadPointer) {
        layout.region_align = align > 16 ? align : 16;
        layout.thread_pointer_offset = 0;
        layout.block_offset = align_up(tcb_size, align);
        layout.region_size = layout.block_offset + image.mem_size;
    } else {
        // The linker addresses the block at tp - round_up(memsz, align); the self pointer at tp
        // may want more alignment than the block.
        layout.region_align = align > alignof(void*) ? align : alignof(void*);
        layout.thread_pointer_offset = align_up(image.mem_size, layout.region_align);
        layout.block_offset = layout.thread_pointer_offset - align_up(image.mem_size, align);
        layout.region_size = layout.thread_pointer_offset + sizeof(void*);
    }
    return layout;
}

// Fills a region (aligned to layout.region_align, layout.region_size bytes) from the image and
// returns the thread pointer value for it.
inline std::uintptr_t initialize_tls_region(void* region, const TlsImage& image,
                                            const TlsLayout& layout, TlsVariant variant) {
    auto* base = static_cast<unsigned char*>(region);
    auto* block = base + layout.block_offset;
    if (image.file_size) std::memcpy(block, image.init, image.file_size);
    std::memset(block + image.file_size, 0, image.mem_size - image.file_size);
    const auto thread_pointer =
        reinterpret_cast<std::uintptr_t>(base) + layout.thread_pointer_offset;
    if (variant == TlsVariant::BelowThreadPointer) {
        // %fs:0 holds the thread pointer itself: compilers read it to form TLS addresses.
        std::memcpy(base + layout.thread_pointer_offset, &thread_pointer, sizeof thread_pointer);
    }
    return thread_pointer;
}

} // namespace sel4::runtime
