// libFuzzer: the ELF reader must never read outside its input, whatever the input.
#include <cstddef>
#include <cstdint>

#include <sel4/elf/reader.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::byte> file(reinterpret_cast<const std::byte*>(data), size);
    for (auto machine : {sel4::elf::Machine::aarch64, sel4::elf::Machine::riscv}) {
        sel4::elf::Reader reader(file, machine);
        if (!reader.ok()) continue;
        std::uint64_t sum = 0;
        for (std::size_t i = 0; i < reader.segment_count(); ++i) {
            const auto segment = reader.segment(i);
            if (segment.type != sel4::elf::pt_load) continue;
            for (auto b : reader.segment_data(segment))
                sum += static_cast<unsigned>(b);
        }
        sum += reader.physical_extent().end + reader.virtual_extent().start;
        if (sum == 0xdeadbeef) return 1;
    }
    return 0;
}
