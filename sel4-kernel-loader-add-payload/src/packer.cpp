#include <sel4/kernel_loader/packer.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <span>

#include <sel4/elf/reader.hpp>

namespace sel4::kernel_loader {
namespace {

constexpr std::uint64_t page = 4096;

std::uint64_t align_up(std::uint64_t value, std::uint64_t align) {
    return (value + align - 1) / align * align;
}

std::string hex(std::uint64_t value) {
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
    return text;
}

elf::Reader open(const char* what, const Bytes& bytes, elf::Machine machine) {
    elf::Reader reader(std::span<const std::byte>(bytes.data(), bytes.size()), machine);
    if (!reader.ok())
        throw PackError(std::string(what) + ": " + std::string(elf::describe(reader.error())));
    return reader;
}

struct Placed {
    std::string what;
    std::uint64_t start, end;
};

void check_no_overlap(const std::vector<Placed>& placed) {
    for (std::size_t i = 0; i < placed.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            const auto& a = placed[i];
            const auto& b = placed[j];
            if (a.start < b.end && b.start < a.end)
                throw PackError(a.what + " [" + hex(a.start) + ", " + hex(a.end) + ") overlaps " +
                                b.what + " [" + hex(b.start) + ", " + hex(b.end) + ")");
        }
}

void check_in_memory(const std::vector<Placed>& placed, const std::vector<MemoryRegion>& memory) {
    if (memory.empty()) return;
    for (const auto& p : placed) {
        const bool fits = std::any_of(memory.begin(), memory.end(), [&](const MemoryRegion& m) {
            return p.start >= m.start && p.end <= m.end;
        });
        if (!fits)
            throw PackError(p.what + " [" + hex(p.start) + ", " + hex(p.end) +
                            ") does not fit the platform's memory");
    }
}

void append(Bytes& out, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const std::byte*>(data);
    out.insert(out.end(), bytes, bytes + size);
}

// The headers in the loader's own class (QEMU's 32-bit machines take only ELF32).
void append_file_header(Bytes& out, const elf::FileHeader& header, bool is_64_bit) {
    if (is_64_bit) return append(out, &header, sizeof header);
    elf::FileHeader32 narrow{};
    std::memcpy(narrow.ident, header.ident, sizeof narrow.ident);
    narrow.type = header.type;
    narrow.machine = header.machine;
    narrow.version = header.version;
    narrow.entry = static_cast<std::uint32_t>(header.entry);
    narrow.phoff = static_cast<std::uint32_t>(header.phoff);
    narrow.flags = header.flags;
    narrow.ehsize = sizeof narrow;
    narrow.phentsize = sizeof(elf::ProgramHeader32);
    narrow.phnum = header.phnum;
    append(out, &narrow, sizeof narrow);
}

void append_program_header(Bytes& out, const elf::ProgramHeader& header, bool is_64_bit) {
    if (is_64_bit) return append(out, &header, sizeof header);
    const elf::ProgramHeader32 narrow{header.type,
                                      static_cast<std::uint32_t>(header.offset),
                                      static_cast<std::uint32_t>(header.vaddr),
                                      static_cast<std::uint32_t>(header.paddr),
                                      static_cast<std::uint32_t>(header.filesz),
                                      static_cast<std::uint32_t>(header.memsz),
                                      header.flags,
                                      static_cast<std::uint32_t>(header.align)};
    append(out, &narrow, sizeof narrow);
}

} // namespace

Payload plan_payload(const PackInputs& inputs) {
    const auto loader = open("loader", inputs.loader, inputs.machine);
    const auto kernel = open("kernel", inputs.kernel, inputs.machine);
    const auto root_task = open("root task", inputs.root_task, inputs.machine);
    if (kernel.is_64_bit() != loader.is_64_bit() || root_task.is_64_bit() != loader.is_64_bit())
        throw PackError(std::string("the loader is ") + (loader.is_64_bit() ? "64" : "32") +
                        "-bit, but the kernel is " + (kernel.is_64_bit() ? "64" : "32") +
                        "-bit and the root task " + (root_task.is_64_bit() ? "64" : "32") +
                        "-bit: all three must be built for the same architecture");

    if (inputs.machine != elf::Machine::x86_64 && !inputs.dtb)
        throw PackError("device tree: seL4 on ARM and RISC-V needs one (--dtb)");
    // The device tree's own size (its header's totalsize): dumped trees are often padded.
    std::uint64_t fdt_size = 0;
    if (inputs.dtb) {
        const auto& dtb = *inputs.dtb;
        const unsigned char fdt_magic[4] = {0xd0, 0x0d, 0xfe, 0xed};
        if (dtb.size() < 40 || std::memcmp(dtb.data(), fdt_magic, 4) != 0)
            throw PackError("device tree: not a flattened device tree (bad magic)");
        for (int i = 4; i < 8; ++i)
            fdt_size = fdt_size << 8 | std::to_integer<unsigned>(dtb[i]);
        if (fdt_size < 40 || fdt_size > dtb.size())
            throw PackError("device tree: its header's size (" + std::to_string(fdt_size) +
                            ") does not fit the file (" + std::to_string(dtb.size()) + " bytes)");
    }

    // Physical layout, as seL4's elfloader has it: kernel, then device tree, then root task,
    // each page-aligned; the loader and its payload sit where the loader was linked.
    const auto kernel_phys = kernel.physical_extent();
    const auto kernel_virt = kernel.virtual_extent();
    std::uint64_t next = align_up(kernel_phys.end, page);
    std::uint64_t dtb_address = 0, dtb_size = 0;
    if (inputs.dtb) {
        dtb_address = next;
        dtb_size = fdt_size;
        next = align_up(dtb_address + dtb_size, page);
    }
    const auto user_virt = root_task.virtual_extent();
    const auto user_virt_start = user_virt.start / page * page;
    const auto user_phys_start = next;
    const auto user_phys_end = align_up(user_phys_start + (user_virt.end - user_virt_start), page);
    const std::int64_t pv_offset =
        static_cast<std::int64_t>(user_phys_start) - static_cast<std::int64_t>(user_virt_start);

    const auto loader_phys = loader.physical_extent();
    Payload payload;
    payload.physical_address = align_up(loader_phys.end, payload_alignment);

    // Regions and their data.
    Bytes data;
    auto add_region = [&](std::uint64_t address, std::span<const std::byte> bytes,
                          std::uint64_t mem_size) {
        if (payload.regions.size() == max_regions)
            throw PackError("too many segments (the loader takes " + std::to_string(max_regions) +
                            ")");
        payload.regions.push_back({address, data.size(), bytes.size(), mem_size});
        data.insert(data.end(), bytes.begin(), bytes.end());
        data.resize(align_up(data.size(), 8));
    };
    auto add_segments = [&](const elf::Reader& image, std::int64_t relocation) {
        for (std::size_t i = 0; i < image.segment_count(); ++i) {
            const auto s = image.segment(i);
            if (s.type != elf::pt_load || !s.memsz) continue;
            add_region(static_cast<std::uint64_t>(static_cast<std::int64_t>(s.paddr) + relocation),
                       image.segment_data(s), s.memsz);
        }
    };
    add_segments(kernel, 0);
    if (inputs.dtb)
        add_region(dtb_address, std::span<const std::byte>(inputs.dtb->data(), dtb_size), dtb_size);
    // Root task segments go by virtual address, shifted into its physical region.
    for (std::size_t i = 0; i < root_task.segment_count(); ++i) {
        const auto s = root_task.segment(i);
        if (s.type != elf::pt_load || !s.memsz) continue;
        add_region(static_cast<std::uint64_t>(static_cast<std::int64_t>(s.vaddr) + pv_offset),
                   root_task.segment_data(s), s.memsz);
    }

    PayloadHeader& h = payload.header;
    h = {};
    h.magic = payload_magic;
    h.version = payload_version;
    h.region_count = static_cast<std::uint32_t>(payload.regions.size());
    h.kernel_entry = kernel.entry();
    h.kernel_virtual_start = kernel_virt.start;
    h.kernel_physical_start = kernel_phys.start;
    h.kernel_physical_end = kernel_phys.end;
    h.user_physical_start = user_phys_start;
    h.user_physical_end = user_phys_end;
    h.user_physical_virtual_offset = pv_offset;
    h.user_entry = root_task.entry();
    h.dtb_physical_address = dtb_address;
    h.dtb_size = dtb_size;
    h.flags = inputs.kernel_is_hypervisor ? std::uint32_t{kernel_is_hypervisor} : 0u;
    if (inputs.arm_physical_address_bits != 0 && inputs.arm_physical_address_bits != 40 &&
        inputs.arm_physical_address_bits != 44)
        throw PackError("--arm-pa-bits: seL4 uses 40 or 44, not " +
                        std::to_string(inputs.arm_physical_address_bits));
    h.arm_physical_address_bits = inputs.arm_physical_address_bits;

    const std::uint64_t data_offset =
        sizeof(PayloadHeader) + payload.regions.size() * sizeof(Region);
    for (auto& region : payload.regions)
        region.payload_offset += data_offset;
    h.payload_size = data_offset + data.size();

    append(payload.bytes, &h, sizeof h);
    append(payload.bytes, payload.regions.data(), payload.regions.size() * sizeof(Region));
    payload.bytes.insert(payload.bytes.end(), data.begin(), data.end());

    // Nothing may land on anything else, and all of it must be RAM.
    std::vector<Placed> placed{
        {"kernel", kernel_phys.start, kernel_phys.end},
        {"root task", user_phys_start, user_phys_end},
        {"loader", loader_phys.start, loader_phys.end},
        {"payload", payload.physical_address, payload.physical_address + payload.bytes.size()},
    };
    if (inputs.dtb) placed.push_back({"device tree", dtb_address, dtb_address + dtb_size});
    check_no_overlap(placed);
    check_in_memory(placed, inputs.memory);
    return payload;
}

Bytes build_image(const Bytes& loader_bytes, const Payload& payload) {
    elf::FileHeader probe{};
    if (loader_bytes.size() >= sizeof probe) std::memcpy(&probe, loader_bytes.data(), sizeof probe);
    const auto loader = open("loader", loader_bytes, static_cast<elf::Machine>(probe.machine));
    // Loadable segments of the loader, then the payload.
    std::vector<elf::ProgramHeader> segments;
    for (std::size_t i = 0; i < loader.segment_count(); ++i) {
        const auto s = loader.segment(i);
        if (s.type == elf::pt_load) segments.push_back(s);
    }
    const bool is_64_bit = loader.is_64_bit();
    elf::FileHeader header = loader.header();
    header.phoff = is_64_bit ? sizeof(elf::FileHeader) : sizeof(elf::FileHeader32);
    header.phnum = static_cast<std::uint16_t>(segments.size() + 1);
    header.shoff = 0;
    header.shnum = 0;
    header.shstrndx = 0;
    if (!is_64_bit && payload.physical_address + payload.bytes.size() > UINT32_MAX)
        throw PackError("the payload does not fit a 32-bit address space");

    Bytes out;
    const std::size_t entry_size =
        is_64_bit ? sizeof(elf::ProgramHeader) : sizeof(elf::ProgramHeader32);
    std::uint64_t offset = align_up(header.phoff + header.phnum * entry_size, page);
    std::vector<elf::ProgramHeader> written;
    std::vector<std::span<const std::byte>> contents;
    for (auto s : segments) {
        const auto data = loader.segment_data(s);
        offset = align_up(offset, page) + (s.vaddr % page);
        s.offset = offset;
        written.push_back(s);
        contents.push_back(data);
        offset += s.filesz;
    }
    elf::ProgramHeader extra{};
    extra.type = elf::pt_load;
    extra.flags = 4; // PF_R
    extra.offset = align_up(offset, page);
    extra.vaddr = extra.paddr = payload.physical_address;
    extra.filesz = extra.memsz = payload.bytes.size();
    extra.align = page;
    written.push_back(extra);
    contents.emplace_back(payload.bytes.data(), payload.bytes.size());

    append_file_header(out, header, is_64_bit);
    for (const auto& s : written)
        append_program_header(out, s, is_64_bit);
    for (std::size_t i = 0; i < written.size(); ++i) {
        out.resize(written[i].offset);
        out.insert(out.end(), contents[i].begin(), contents[i].end());
    }
    return out;
}

Bytes read_file(const std::string& what, const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw PackError(what + ": cannot open '" + path + "': " + std::strerror(errno));
    Bytes bytes;
    std::transform(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(),
                   std::back_inserter(bytes), [](char c) { return static_cast<std::byte>(c); });
    return bytes;
}

void write_file_atomically(const std::string& path, const Bytes& bytes) {
    const std::string temporary = path + ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()),
                  static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            std::remove(temporary.c_str());
            throw PackError("output: cannot write '" + temporary + "'");
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw PackError("output: cannot rename to '" + path + "': " + std::strerror(errno));
    }
}

} // namespace sel4::kernel_loader
