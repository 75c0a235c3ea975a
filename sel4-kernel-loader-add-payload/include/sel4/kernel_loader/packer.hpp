// Host side of the kernel loader: lays out kernel, root task and device tree in physical
// memory, checks that everything fits and nothing overlaps, and writes one bootable ELF image
// (the loader's segments plus one payload segment).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <sel4/elf/types.hpp>
#include <sel4/kernel_loader/payload.hpp>

namespace sel4::kernel_loader {

using Bytes = std::vector<std::byte>;

// Every refusal: the message says which input and why.
struct PackError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct MemoryRegion {
    std::uint64_t start;
    std::uint64_t end; // exclusive
};

struct PackInputs {
    Bytes loader;
    Bytes kernel;
    Bytes root_task;
    std::optional<Bytes> dtb;
    elf::Machine machine;
    std::vector<MemoryRegion> memory; // the platform's RAM; empty: not checked
    bool kernel_is_hypervisor = false;
    std::uint32_t arm_physical_address_bits = 0; // 40 or 44; 0: unspecified
};

// The payload as the loader will read it, and where it goes.
struct Payload {
    std::uint64_t physical_address; // right after the loader's image
    Bytes bytes;                    // header, regions, data
    PayloadHeader header;
    std::vector<Region> regions;
};

Payload plan_payload(const PackInputs& inputs);

// The loader's ELF with the payload as an extra loadable segment.
Bytes build_image(const Bytes& loader, const Payload& payload);

// Reads a whole file; throws PackError naming what (e.g. "kernel") and the path.
Bytes read_file(const std::string& what, const std::string& path);

// Writes to a temporary file beside path, then renames: no partial output on any failure.
void write_file_atomically(const std::string& path, const Bytes& bytes);

} // namespace sel4::kernel_loader
