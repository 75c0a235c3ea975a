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

namespace detail {
// An executable of the class whose structures are given: the file header, the program headers,
// then each segment's data, with fields narrowed to the class's width.
template <typename Header, typename Program>
std::vector<std::byte> make_elf(unsigned char elf_class, sel4::elf::Machine machine,
                                std::uint64_t entry, const std::vector<SegmentSpec>& segments) {
    using namespace sel4::elf;
    using Address = decltype(Program::vaddr);
    Header header{};
    std::memcpy(header.ident, magic, 4);
    header.ident[4] = elf_class;
    header.ident[5] = data_little_endian;
    header.ident[6] = 1;
    header.type = static_cast<std::uint16_t>(FileType::executable);
    header.machine = static_cast<std::uint16_t>(machine);
    header.version = 1;
    header.entry = static_cast<Address>(entry);
    header.phoff = sizeof(Header);
    header.ehsize = sizeof(Header);
    header.phentsize = sizeof(Program);
    header.phnum = static_cast<std::uint16_t>(segments.size());
    std::vector<std::byte> out(sizeof header + segments.size() * sizeof(Program));
    std::memcpy(out.data(), &header, sizeof header);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const SegmentSpec& segment = segments[i];
        Program ph{};
        ph.type = pt_load;
        ph.flags = 5;
        ph.offset = static_cast<Address>(out.size());
        ph.vaddr = static_cast<Address>(segment.vaddr);
        ph.paddr = static_cast<Address>(segment.paddr);
        ph.filesz = static_cast<Address>(segment.data.size());
        ph.memsz = static_cast<Address>(segment.memsz ? segment.memsz : segment.data.size());
        ph.align = 4096;
        out.insert(out.end(), segment.data.begin(), segment.data.end());
        std::memcpy(out.data() + sizeof header + i * sizeof ph, &ph, sizeof ph);
    }
    return out;
}
} // namespace detail

inline std::vector<std::byte> make_elf(sel4::elf::Machine machine, std::uint64_t entry,
                                       const std::vector<SegmentSpec>& segments) {
    return detail::make_elf<sel4::elf::FileHeader, sel4::elf::ProgramHeader>(
        sel4::elf::class_64, machine, entry, segments);
}

inline std::vector<std::byte> make_elf32(sel4::elf::Machine machine, std::uint32_t entry,
                                         const std::vector<SegmentSpec>& segments) {
    return detail::make_elf<sel4::elf::FileHeader32, sel4::elf::ProgramHeader32>(
        sel4::elf::class_32, machine, entry, segments);
}

inline std::vector<std::byte> bytes(std::initializer_list<int> values) {
    std::vector<std::byte> out;
    for (int v : values)
        out.push_back(static_cast<std::byte>(v));
    return out;
}

} // namespace test
