// The kernel loader's common part: find the payload the packer appended, check it, copy its
// regions into place, and hand over to the architecture to enter the kernel.
#include <cstddef>
#include <cstdint>

#include <sel4/kernel_loader/payload.hpp>
#include <sel4/platform_info.hpp>

#include "arch.hpp"
#include "console.hpp"

extern "C" char _end[];
extern "C" char __bss_start[], __bss_end[];

namespace sel4::kernel_loader {

void print(const char* text) {
    while (*text)
        arch::put_char(*text++);
}

void print_hex(std::uint64_t value) {
    char digits[19] = "0x";
    for (int i = 0; i < 16; ++i)
        digits[2 + i] = "0123456789abcdef"[(value >> (60 - 4 * i)) & 15];
    digits[18] = 0;
    print(digits);
}

void fail(const char* message) {
    print("sel4-kernel-loader: error: ");
    print(message);
    print("\n");
    arch::halt();
}

namespace {

bool in_platform_memory(std::uint64_t start, std::uint64_t end) {
    for (const auto& range : platform_info::memory)
        if (start >= range.start && end <= range.end) return true;
    return false;
}

const PayloadHeader& find_payload() {
    const auto address = (reinterpret_cast<std::uintptr_t>(_end) + payload_alignment - 1) /
                         payload_alignment * payload_alignment;
    const auto& header = *reinterpret_cast<const PayloadHeader*>(address);
    if (header.magic != payload_magic)
        fail("no payload after the loader: pack one with sel4-kernel-loader-add-payload");
    if (header.version != payload_version) fail("payload version does not match this loader");
    if (header.region_count > max_regions) fail("payload has too many regions");
    return header;
}

void copy_regions(const PayloadHeader& header) {
    const auto* base = reinterpret_cast<const unsigned char*>(&header);
    const auto* regions = reinterpret_cast<const Region*>(base + sizeof header);
    for (std::uint32_t i = 0; i < header.region_count; ++i) {
        const auto& region = regions[i];
        if (region.file_size > region.mem_size ||
            region.payload_offset + region.file_size > header.payload_size)
            fail("payload region is malformed");
        if (!in_platform_memory(region.physical_address, region.physical_address + region.mem_size))
            fail("payload region is outside the platform's memory");
        print("  region ");
        print_hex(region.physical_address);
        print(" .. ");
        print_hex(region.physical_address + region.mem_size);
        print("\n");
        auto* destination = reinterpret_cast<unsigned char*>(region.physical_address);
        const auto* source = base + region.payload_offset;
        for (std::uint64_t b = 0; b < region.file_size; ++b)
            destination[b] = source[b];
        for (std::uint64_t b = region.file_size; b < region.mem_size; ++b)
            destination[b] = 0;
    }
}

} // namespace
} // namespace sel4::kernel_loader

// The entry code (start.S) has set a stack; the first argument is the boot hart on RISC-V.
extern "C" [[noreturn]] void loader_main(std::uint64_t hart_id) {
    using namespace sel4::kernel_loader;
    for (char* p = __bss_start; p != __bss_end; ++p)
        *p = 0;
    print("sel4-kernel-loader: started in ");
    print(arch::describe_mode());
    print("\n");
    const auto& payload = find_payload();
    copy_regions(payload);
    print("sel4-kernel-loader: user image ");
    print_hex(payload.user_physical_start);
    print(" .. ");
    print_hex(payload.user_physical_end);
    print(", entry ");
    print_hex(payload.user_entry);
    print(", dtb ");
    print_hex(payload.dtb_physical_address);
    print(" (");
    print_hex(payload.dtb_size);
    print(" bytes)\n");
    arch::start_secondary_cores(payload, hart_id);
    print("sel4-kernel-loader: entering the kernel at ");
    print_hex(payload.kernel_entry);
    print("\n");
    arch::enter_kernel(payload, hart_id, 0);
}

// The compiler may call these for copies and zeroing; this image has no C library.
extern "C" void* memcpy(void* destination, const void* source, std::size_t size) {
    auto* d = static_cast<unsigned char*>(destination);
    const auto* s = static_cast<const unsigned char*>(source);
    while (size--)
        *d++ = *s++;
    return destination;
}

extern "C" void* memset(void* destination, int value, std::size_t size) {
    auto* d = static_cast<unsigned char*>(destination);
    while (size--)
        *d++ = static_cast<unsigned char>(value);
    return destination;
}
