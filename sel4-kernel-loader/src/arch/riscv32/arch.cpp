// riscv32 under an M-mode firmware (sel4-riscv32-firmware): console through the legacy SBI
// call; Sv32 page tables with the loader identity-mapped and the kernel at its virtual
// addresses in 4 MiB megapages, as seL4 expects at entry. One hart.
#include <cstdint>

#include <sel4/kernel_loader/page_tables.hpp>

#include "../../arch.hpp"
#include "../../console.hpp"

extern "C" char _start[], _end[];

namespace sel4::kernel_loader::arch {
namespace {

constexpr long sbi_legacy_console_putchar = 0x01;
constexpr std::uint32_t satp_sv32 = 1u << 31;

alignas(4096) Sv32::Entry table[Sv32::entries];

void sbi_call(long extension, long a0) {
    register long r0 asm("a0") = a0;
    register long r7 asm("a7") = extension;
    asm volatile("ecall" : "+r"(r0) : "r"(r7) : "a1", "memory");
}

void build_tables(const PayloadHeader& payload) {
    SingleLevelTable<Sv32> tables(table);
    const auto loader_start = reinterpret_cast<std::uintptr_t>(_start);
    const auto payload_end = reinterpret_cast<std::uintptr_t>(_end) + payload.payload_size;
    // The kernel window: from the kernel's first address to the top of the address space;
    // the kernel builds its real tables itself.
    if (!tables.map(loader_start, loader_start, payload_end - loader_start, Memory::normal) ||
        !tables.map(payload.kernel_virtual_start, payload.kernel_physical_start,
                    (1ull << 32) - payload.kernel_virtual_start, Memory::normal))
        fail("cannot build the page tables (the kernel window collides with the loader)");
}

} // namespace

void put_char(char c) {
    if (c == '\n') sbi_call(sbi_legacy_console_putchar, '\r');
    sbi_call(sbi_legacy_console_putchar, c);
}

const char* describe_mode() {
    return "S-mode (riscv32)";
}

void start_secondary_cores(const PayloadHeader&, std::uint64_t) {
    if constexpr (SEL4_MAX_NUM_NODES > 1) fail("SMP kernels are not supported on riscv32 yet");
}

void enter_kernel(const PayloadHeader& payload, std::uint64_t hart_id, std::uint64_t) {
    build_tables(payload);
    const std::uint32_t satp = satp_sv32 | (reinterpret_cast<std::uintptr_t>(table) >> 12);
    asm volatile("sfence.vma\n csrw satp, %0\n sfence.vma\n fence.i" ::"r"(satp) : "memory");
    register std::uint32_t a0 asm("a0") = static_cast<std::uint32_t>(payload.user_physical_start);
    register std::uint32_t a1 asm("a1") = static_cast<std::uint32_t>(payload.user_physical_end);
    register std::uint32_t a2 asm("a2") =
        static_cast<std::uint32_t>(payload.user_physical_virtual_offset);
    register std::uint32_t a3 asm("a3") = static_cast<std::uint32_t>(payload.user_entry);
    register std::uint32_t a4 asm("a4") = static_cast<std::uint32_t>(payload.dtb_physical_address);
    register std::uint32_t a5 asm("a5") = static_cast<std::uint32_t>(payload.dtb_size);
    register std::uint32_t a6 asm("a6") = static_cast<std::uint32_t>(hart_id);
    register std::uint32_t a7 asm("a7") = 0;
    asm volatile("jr %8"
                 :
                 : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a6), "r"(a7),
                   "r"(static_cast<std::uint32_t>(payload.kernel_entry))
                 : "memory");
    __builtin_unreachable();
}

void halt() {
    for (;;)
        asm volatile("wfi");
}

} // namespace sel4::kernel_loader::arch
