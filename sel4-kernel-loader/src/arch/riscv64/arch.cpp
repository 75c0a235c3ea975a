// riscv64 under OpenSBI (S-mode): console and hart start through SBI; Sv39 page tables with
// the loader identity-mapped and the kernel at its virtual address, as seL4 expects at entry.
#include <atomic>
#include <cstdint>

#include <sel4/kernel_loader/page_tables.hpp>

#include "../../arch.hpp"
#include "../../console.hpp"

extern "C" char _start[], _end[];
extern "C" void secondary_start();

namespace sel4::kernel_loader::arch {
namespace {

struct SbiResult {
    long error;
    long value;
};

SbiResult sbi_call(long extension, long function, long a0 = 0, long a1 = 0, long a2 = 0) {
    register long r0 asm("a0") = a0;
    register long r1 asm("a1") = a1;
    register long r2 asm("a2") = a2;
    register long r6 asm("a6") = function;
    register long r7 asm("a7") = extension;
    asm volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r2), "r"(r6), "r"(r7) : "memory");
    return {r0, r1};
}

constexpr long sbi_legacy_console_putchar = 0x01;
constexpr long sbi_hart_state_management = 0x48534d; // "HSM"
constexpr std::uint64_t gigabyte = 1ull << 30;
constexpr std::uint64_t satp_sv39 = 8ull << 60;

alignas(4096) Table tables[4];
std::atomic<bool> tables_ready{false};
std::atomic<std::uint64_t> next_core{1};

void build_tables(const PayloadHeader& payload) {
    PageTables<Sv39> page_tables(tables, sizeof tables / sizeof tables[0]);
    const auto loader_start = reinterpret_cast<std::uintptr_t>(_start);
    const auto payload_end = reinterpret_cast<std::uintptr_t>(_end) + payload.payload_size;
    // The kernel window: from the kernel's first address to the end of its gigabyte, like
    // seL4's own elfloader; the kernel builds its real tables itself.
    const auto window = gigabyte - payload.kernel_virtual_start % gigabyte;
    if (!page_tables.map(loader_start, loader_start, payload_end - loader_start, Memory::normal) ||
        !page_tables.map(payload.kernel_virtual_start, payload.kernel_physical_start, window,
                         Memory::normal))
        fail("cannot build the page tables (the kernel window collides with the loader)");
    tables_ready.store(true, std::memory_order_release);
}

[[noreturn]] void jump_to_kernel(const PayloadHeader& payload, std::uint64_t hart_id,
                                 std::uint64_t core_id) {
    const std::uint64_t satp = satp_sv39 | (reinterpret_cast<std::uintptr_t>(tables[0]) >> 12);
    asm volatile("sfence.vma\n csrw satp, %0\n sfence.vma\n fence.i" ::"r"(satp) : "memory");
    register std::uint64_t a0 asm("a0") = payload.user_physical_start;
    register std::uint64_t a1 asm("a1") = payload.user_physical_end;
    register std::uint64_t a2 asm("a2") =
        static_cast<std::uint64_t>(payload.user_physical_virtual_offset);
    register std::uint64_t a3 asm("a3") = payload.user_entry;
    register std::uint64_t a4 asm("a4") = payload.dtb_physical_address;
    register std::uint64_t a5 asm("a5") = payload.dtb_size;
    register std::uint64_t a6 asm("a6") = hart_id;
    register std::uint64_t a7 asm("a7") = core_id;
    asm volatile("jr %8"
                 :
                 : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a6), "r"(a7),
                   "r"(payload.kernel_entry)
                 : "memory");
    __builtin_unreachable();
}

const PayloadHeader* shared_payload;

} // namespace

void put_char(char c) {
    if (c == '\n') sbi_call(sbi_legacy_console_putchar, 0, '\r');
    sbi_call(sbi_legacy_console_putchar, 0, c);
}

const char* describe_mode() {
    return "S-mode (riscv64, OpenSBI)";
}

void start_secondary_cores(const PayloadHeader& payload, std::uint64_t boot_hart_id) {
    if constexpr (SEL4_MAX_NUM_NODES > 1) {
        shared_payload = &payload;
        for (std::uint64_t hart = 0, core = 1; core < SEL4_MAX_NUM_NODES; ++hart) {
            if (hart == boot_hart_id) continue;
            if (hart > 64) fail("not enough harts for the kernel's KernelMaxNumNodes");
            const auto result =
                sbi_call(sbi_hart_state_management, 0, static_cast<long>(hart),
                         reinterpret_cast<long>(secondary_start), static_cast<long>(core));
            if (result.error == 0) ++core;
        }
    }
}

void enter_kernel(const PayloadHeader& payload, std::uint64_t hart_id, std::uint64_t core_id) {
    if (core_id == 0) build_tables(payload);
    jump_to_kernel(payload, hart_id, core_id);
}

void halt() {
    for (;;)
        asm volatile("wfi");
}

} // namespace sel4::kernel_loader::arch

// A secondary hart: wait for the boot hart's page tables, then enter the kernel.
extern "C" [[noreturn]] void secondary_main(std::uint64_t hart_id, std::uint64_t core_id) {
    using namespace sel4::kernel_loader::arch;
    while (!tables_ready.load(std::memory_order_acquire)) {
    }
    enter_kernel(*shared_payload, hart_id, core_id);
}
