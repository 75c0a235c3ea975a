// A bounds-checked view of an ELF64 or ELF32 little-endian file in memory: nothing is read
// outside the buffer, every problem is a value. ELF32 headers are presented widened to the
// 64-bit structures (is_64_bit() tells which the file is). Freestanding (no heap, no exceptions):
// the kernel loader and the host packer share it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>

#include <sel4/elf/types.hpp>

namespace sel4::elf {

enum class Error {
    none,
    too_small,
    not_elf,
    bad_class,
    not_little_endian,
    not_executable,
    wrong_machine,
    bad_program_headers,
    segment_outside_file,
    segment_file_larger_than_memory,
    segment_address_overflow,
    overlapping_segments,
    no_loadable_segments,
};

constexpr std::string_view describe(Error error) {
    switch (error) {
    case Error::none:
        return "no error";
    case Error::too_small:
        return "file is smaller than an ELF header";
    case Error::not_elf:
        return "not an ELF file (bad magic)";
    case Error::bad_class:
        return "neither a 32-bit nor a 64-bit ELF file";
    case Error::not_little_endian:
        return "not a little-endian ELF file";
    case Error::not_executable:
        return "not an executable ELF file";
    case Error::wrong_machine:
        return "ELF file is for another architecture";
    case Error::bad_program_headers:
        return "program header table is malformed or outside the file";
    case Error::segment_outside_file:
        return "a segment's data lies outside the file";
    case Error::segment_file_larger_than_memory:
        return "a segment has p_filesz > p_memsz";
    case Error::segment_address_overflow:
        return "a segment's address range overflows";
    case Error::overlapping_segments:
        return "two loadable segments overlap";
    case Error::no_loadable_segments:
        return "no loadable segments";
    }
    return "unknown error";
}

class Reader {
  public:
    // Checks the header, the program header table and every loadable segment; on success
    // error() is Error::none and the accessors are safe.
    Reader(std::span<const std::byte> file, Machine machine) : file_(file) {
        error_ = validate(machine);
    }

    Error error() const { return error_; }
    bool ok() const { return error_ == Error::none; }

    const FileHeader& header() const { return header_; }
    std::uint64_t entry() const { return header_.entry; }
    std::size_t segment_count() const { return header_.phnum; }
    bool is_64_bit() const { return is_64_; }

    ProgramHeader segment(std::size_t index) const {
        ProgramHeader header;
        if (is_64_) {
            std::memcpy(&header, file_.data() + header_.phoff + index * sizeof(ProgramHeader),
                        sizeof header);
            return header;
        }
        ProgramHeader32 narrow;
        std::memcpy(&narrow, file_.data() + header_.phoff + index * sizeof(ProgramHeader32),
                    sizeof narrow);
        header.type = narrow.type;
        header.flags = narrow.flags;
        header.offset = narrow.offset;
        header.vaddr = narrow.vaddr;
        header.paddr = narrow.paddr;
        header.filesz = narrow.filesz;
        header.memsz = narrow.memsz;
        header.align = narrow.align;
        return header;
    }

    std::span<const std::byte> segment_data(const ProgramHeader& header) const {
        return file_.subspan(header.offset, header.filesz);
    }

    // Lowest and highest (exclusive) physical or virtual address of the loadable segments.
    struct Extent {
        std::uint64_t start;
        std::uint64_t end;
    };
    Extent physical_extent() const { return extent(true); }
    Extent virtual_extent() const { return extent(false); }

  private:
    Error validate(Machine machine) {
        if (file_.size() < sizeof(FileHeader32)) return Error::too_small;
        std::memcpy(header_.ident, file_.data(), sizeof header_.ident);
        if (std::memcmp(header_.ident, magic, 4) != 0) return Error::not_elf;
        if (header_.ident[4] != class_64 && header_.ident[4] != class_32) return Error::bad_class;
        is_64_ = header_.ident[4] == class_64;
        if (is_64_) {
            if (file_.size() < sizeof(FileHeader)) return Error::too_small;
            std::memcpy(&header_, file_.data(), sizeof header_);
        } else {
            header_ = widen(file_);
        }
        if (header_.ident[5] != data_little_endian) return Error::not_little_endian;
        if (header_.type != static_cast<std::uint16_t>(FileType::executable))
            return Error::not_executable;
        if (header_.machine != static_cast<std::uint16_t>(machine)) return Error::wrong_machine;
        const std::size_t entry_size = is_64_ ? sizeof(ProgramHeader) : sizeof(ProgramHeader32);
        if (header_.phentsize != entry_size || header_.phoff > file_.size() ||
            header_.phnum > (file_.size() - header_.phoff) / entry_size)
            return Error::bad_program_headers;
        std::size_t loadable = 0;
        for (std::size_t i = 0; i < header_.phnum; ++i) {
            const auto a = segment(i);
            if (a.type != pt_load) continue;
            ++loadable;
            if (a.offset > file_.size() || a.filesz > file_.size() - a.offset)
                return Error::segment_outside_file;
            if (a.filesz > a.memsz) return Error::segment_file_larger_than_memory;
            const std::uint64_t limit = is_64_ ? UINT64_MAX : UINT32_MAX;
            if (a.paddr + a.memsz < a.paddr || a.vaddr + a.memsz < a.vaddr ||
                a.paddr + a.memsz - 1 > limit || a.vaddr + a.memsz - 1 > limit)
                return Error::segment_address_overflow;
            for (std::size_t j = 0; j < i; ++j) {
                const auto b = segment(j);
                if (b.type != pt_load || !a.memsz || !b.memsz) continue;
                if (a.paddr < b.paddr + b.memsz && b.paddr < a.paddr + a.memsz)
                    return Error::overlapping_segments;
            }
        }
        return loadable ? Error::none : Error::no_loadable_segments;
    }

    static FileHeader widen(std::span<const std::byte> file) {
        FileHeader32 narrow;
        std::memcpy(&narrow, file.data(), sizeof narrow);
        FileHeader header{};
        std::memcpy(header.ident, narrow.ident, sizeof header.ident);
        header.type = narrow.type;
        header.machine = narrow.machine;
        header.version = narrow.version;
        header.entry = narrow.entry;
        header.phoff = narrow.phoff;
        header.shoff = narrow.shoff;
        header.flags = narrow.flags;
        header.ehsize = narrow.ehsize;
        header.phentsize = narrow.phentsize;
        header.phnum = narrow.phnum;
        header.shentsize = narrow.shentsize;
        header.shnum = narrow.shnum;
        header.shstrndx = narrow.shstrndx;
        return header;
    }

    Extent extent(bool physical) const {
        Extent result{UINT64_MAX, 0};
        for (std::size_t i = 0; i < header_.phnum; ++i) {
            const auto s = segment(i);
            if (s.type != pt_load || !s.memsz) continue;
            const auto start = physical ? s.paddr : s.vaddr;
            if (start < result.start) result.start = start;
            if (start + s.memsz > result.end) result.end = start + s.memsz;
        }
        return result;
    }

    std::span<const std::byte> file_;
    FileHeader header_{};
    bool is_64_ = true;
    Error error_ = Error::none;
};

} // namespace sel4::elf
