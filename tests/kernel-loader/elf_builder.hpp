// Builds small ELF64 and ELF32 files in memory for the tests.
#pragma once

#include <cstring>
#include <vector>

#include <sel4/elf/types.hpp>

namespace test {

struct SegmentSpec {
    std::uint64_t vaddr;
    std::uint64_t paddr;
    std::vector<std::byte> data;
    std::uint64_t memsz; // 0: data.size()
};

inline std::vector<std::byte> make_elf(sel4::elf::Machine machine, std::uint64_t entry,
                                       const std::vector<SegmentSpec>& segments) {
    using namespace sel4::elf;
    FileHeader header{};
    std::memcpy(header.ident, magic, 4);
    header.ident[4] = class_64;
    header.ident[5] = data_little_endian;
    header.ident[6] = 1;
    header.type = static_cast<std::uint16_t>(FileType::executable);
    header.machine = static_cast<std::uint16_t>(machine);
    header.version = 1;
    header.entry = entry;
    header.phoff = sizeof(FileHeader);
    header.ehsize = sizeof(FileHeader);
    header.phentsize = sizeof(ProgramHeader);
    header.phnum = static_cast<std::uint16_t>(segments.size());
    std::vector<std::byte> out(sizeof header + segments.size() * sizeof(ProgramHeader));
    std::memcpy(out.data(), &header, sizeof header);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        ProgramHeader ph{};
        ph.type = pt_load;
        ph.flags = 5;
        ph.offset = out.size();
        ph.vaddr = segments[i].vaddr;
        ph.paddr = segments[i].paddr;
        ph.filesz = segments[i].data.size();
        ph.memsz = segments[i].memsz ? segments[i].memsz : segments[i].data.size();
        ph.align = 4096;
        out.insert(out.end(), segments[i].data.begin(), segments[i].data.end());
        std::memcpy(out.data() + sizeof header + i * sizeof ph, &ph, sizeof ph);
    }
    return out;
}

inline std::vector<std::byte> make_elf32(sel4::elf::Machine machine, std::uint32_t entry,
                                         const std::vector<SegmentSpec>& segments) {
    using namespace sel4::elf;
    FileHeader32 header{};
    std::memcpy(header.ident, magic, 4);
    header.ident[4] = class_32;
    header.ident[5] = data_little_endian;
    header.ident[6] = 1;
    header.type = static_cast<std::uint16_t>(FileType::executable);
    header.machine = static_cast<std::uint16_t>(machine);
    header.version = 1;
    header.entry = entry;
    header.phoff = sizeof(FileHeader32);
    header.ehsize = sizeof(FileHeader32);
    header.phentsize = sizeof(ProgramHeader32);
    header.phnum = static_cast<std::uint16_t>(segments.size());
    std::vector<std::byte> out(sizeof header + segments.size() * sizeof(ProgramHeader32));
    std::memcpy(out.data(), &header, sizeof header);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        ProgramHeader32 ph{};
        ph.type = pt_load;
        ph.flags = 5;
        ph.offset = static_cast<std::uint32_t>(out.size());
        ph.vaddr = static_cast<std::uint32_t>(segments[i].vaddr);
        ph.paddr = static_cast<std::uint32_t>(segments[i].paddr);
        ph.filesz = static_cast<std::uint32_t>(segments[i].data.size());
        ph.memsz = static_cast<std::uint32_t>(segments[i].memsz ? segments[i].memsz
                                                                : segments[i].data.size());
        ph.align = 4096;
        out.insert(out.end(), segments[i].data.begin(), segments[i].data.end());
        std::memcpy(out.data() + sizeof header + i * sizeof ph, &ph, sizeof ph);
    }
    return out;
}

inline std::vector<std::byte> bytes(std::initializer_list<int> values) {
    std::vector<std::byte> out;
    for (int v : values)
        out.push_back(static_cast<std::byte>(v));
    return out;
}

} // namespace test
