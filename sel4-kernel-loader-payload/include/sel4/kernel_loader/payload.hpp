// What the packer appends to the kernel loader: a header with seL4's boot arguments, then the
// regions to copy to physical memory, then their bytes. The loader only copies and enters the
// kernel; every decision (placement, overlap, fit) is made and checked on the host.
#pragma once

#include <cstdint>

namespace sel4::kernel_loader {

inline constexpr std::uint64_t payload_magic = 0x64616f6c70344c65; // "eL4ploAd"
inline constexpr std::uint32_t payload_version = 1;
inline constexpr std::uint64_t payload_alignment = 4096;
inline constexpr std::uint32_t max_regions = 64;

// One piece of memory to fill: file_size bytes from the payload, then zeroes up to mem_size.
struct Region {
    std::uint64_t physical_address;
    std::uint64_t payload_offset; // from the start of the payload header
    std::uint64_t file_size;
    std::uint64_t mem_size;
};

struct PayloadHeader {
    std::uint64_t magic;
    std::uint32_t version;
    std::uint32_t region_count; // Regions follow the header
    std::uint64_t payload_size; // header, regions and data

    // The kernel: where it runs and how it is mapped at entry.
    std::uint64_t kernel_entry;         // virtual
    std::uint64_t kernel_virtual_start; // first virtual address of the image
    std::uint64_t kernel_physical_start;
    std::uint64_t kernel_physical_end;

    // seL4's boot arguments (init_kernel's parameters).
    std::uint64_t user_physical_start;
    std::uint64_t user_physical_end;
    std::int64_t user_physical_virtual_offset; // physical - virtual
    std::uint64_t user_entry;                  // virtual
    std::uint64_t dtb_physical_address;        // 0: none
    std::uint64_t dtb_size;

    std::uint32_t flags; // PayloadFlags
    // aarch64 hypervisor kernels check that TCR_EL2's physical address size is their
    // configured one (KernelArmPASizeBits40/44); 0: what the CPU supports.
    std::uint32_t arm_physical_address_bits;
};
static_assert(sizeof(PayloadHeader) == 112);
static_assert(sizeof(Region) == 32);

enum PayloadFlags : std::uint32_t {
    kernel_is_hypervisor = 1, // aarch64: enter the kernel at EL2
};

} // namespace sel4::kernel_loader
