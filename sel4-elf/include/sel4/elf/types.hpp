// ELF64 and ELF32 on-disk structures (System V gABI), the subset seL4 C++ reads. The readers
// present both classes through the 64-bit structures; Native* is this machine's own class.
#pragma once

#include <cstdint>
#include <type_traits>

namespace sel4::elf {

inline constexpr unsigned char magic[4] = {0x7f, 'E', 'L', 'F'};
inline constexpr unsigned char class_32 = 1;
inline constexpr unsigned char class_64 = 2;
inline constexpr unsigned char data_little_endian = 1;

enum class Machine : std::uint16_t { arm = 40, x86_64 = 62, aarch64 = 183, riscv = 243 };
enum class FileType : std::uint16_t { executable = 2, shared = 3 };

enum SegmentType : std::uint32_t {
    pt_null = 0,
    pt_load = 1,
    pt_dynamic = 2,
    pt_interp = 3,
    pt_note = 4,
    pt_phdr = 6,
    pt_tls = 7,
    pt_gnu_eh_frame = 0x6474e550,
};

struct FileHeader {
    unsigned char ident[16];
    std::uint16_t type;
    std::uint16_t machine;
    std::uint32_t version;
    std::uint64_t entry;
    std::uint64_t phoff;
    std::uint64_t shoff;
    std::uint32_t flags;
    std::uint16_t ehsize;
    std::uint16_t phentsize;
    std::uint16_t phnum;
    std::uint16_t shentsize;
    std::uint16_t shnum;
    std::uint16_t shstrndx;
};
static_assert(sizeof(FileHeader) == 64);

struct ProgramHeader {
    std::uint32_t type;
    std::uint32_t flags;
    std::uint64_t offset;
    std::uint64_t vaddr;
    std::uint64_t paddr;
    std::uint64_t filesz;
    std::uint64_t memsz;
    std::uint64_t align;
};
static_assert(sizeof(ProgramHeader) == 56);

struct SectionHeader {
    std::uint32_t name;
    std::uint32_t type;
    std::uint64_t flags;
    std::uint64_t addr;
    std::uint64_t offset;
    std::uint64_t size;
    std::uint32_t link;
    std::uint32_t info;
    std::uint64_t addralign;
    std::uint64_t entsize;
};
static_assert(sizeof(SectionHeader) == 64);

struct Symbol {
    std::uint32_t name;
    unsigned char info;
    unsigned char other;
    std::uint16_t shndx;
    std::uint64_t value;
    std::uint64_t size;
};
static_assert(sizeof(Symbol) == 24);

struct FileHeader32 {
    unsigned char ident[16];
    std::uint16_t type;
    std::uint16_t machine;
    std::uint32_t version;
    std::uint32_t entry;
    std::uint32_t phoff;
    std::uint32_t shoff;
    std::uint32_t flags;
    std::uint16_t ehsize;
    std::uint16_t phentsize;
    std::uint16_t phnum;
    std::uint16_t shentsize;
    std::uint16_t shnum;
    std::uint16_t shstrndx;
};
static_assert(sizeof(FileHeader32) == 52);

struct ProgramHeader32 {
    std::uint32_t type;
    std::uint32_t offset;
    std::uint32_t vaddr;
    std::uint32_t paddr;
    std::uint32_t filesz;
    std::uint32_t memsz;
    std::uint32_t flags;
    std::uint32_t align;
};
static_assert(sizeof(ProgramHeader32) == 32);

using NativeFileHeader = std::conditional_t<sizeof(void*) == 8, FileHeader, FileHeader32>;
using NativeProgramHeader = std::conditional_t<sizeof(void*) == 8, ProgramHeader, ProgramHeader32>;

} // namespace sel4::elf
