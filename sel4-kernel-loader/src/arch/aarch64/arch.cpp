// aarch64 on QEMU virt: PL011 console, PSCI for secondary cores. Starts at EL1 or EL2; enters
// a hypervisor kernel at EL2 and any other kernel at EL1 (dropping from EL2 if needed), with
// the MMU on: the loader and the first gigabyte (devices) identity-mapped, the kernel at its
// virtual addresses (TTBR1 at EL1, TTBR0 at EL2).
#include <atomic>
#include <cstdint>

#include <sel4/kernel_loader/page_tables.hpp>
#include <sel4/kernel_loader/pl011.hpp>

#include "../../arch.hpp"
#include "../../console.hpp"

extern "C" char _start[], _end[];
extern "C" void secondary_start();
extern "C" void drop_to_el1();

namespace sel4::kernel_loader::arch {
namespace {

constexpr std::uint64_t gigabyte = 1ull << 30;
// MAIR: index 0 device-nGnRnE, 1 device-nGnRE, 2 device-GRE, 3 normal NC, 4 normal WBWA, 5 WT.
constexpr std::uint64_t mair =
    0x00ull | 0x04ull << 8 | 0x0cull << 16 | 0x44ull << 24 | 0xffull << 32 | 0xaaull << 40;
constexpr std::uint64_t sctlr_mmu_caches = 1u << 0 | 1u << 2 | 1u << 12; // M, C, I

alignas(4096) Table low_tables[8];  // TTBR0: identity (and the EL2 kernel's window)
alignas(4096) Table high_tables[4]; // TTBR1_EL1: the EL1 kernel's window
std::atomic<bool> tables_ready{false};
const PayloadHeader* shared_payload;

unsigned current_el() {
    std::uint64_t el;
    asm volatile("mrs %0, CurrentEL" : "=r"(el));
    return static_cast<unsigned>((el >> 2) & 3);
}

bool hypervisor_kernel(const PayloadHeader& payload) {
    return payload.flags & kernel_is_hypervisor;
}

void build_tables(const PayloadHeader& payload) {
    PageTables<Aarch64> low(low_tables, 8), high(high_tables, 4);
    const auto loader_start = reinterpret_cast<std::uintptr_t>(_start);
    const auto payload_end = reinterpret_cast<std::uintptr_t>(_end) + payload.payload_size;
    const auto window = gigabyte - payload.kernel_virtual_start % gigabyte;
    auto& kernel_tables = hypervisor_kernel(payload) ? low : high;
    if (!low.map(0, 0, gigabyte, Memory::device)) fail("cannot map the devices");
    if (!low.map(loader_start, loader_start, payload_end - loader_start, Memory::normal))
        fail("cannot map the loader");
    if (!kernel_tables.map(payload.kernel_virtual_start, payload.kernel_physical_start, window,
                           Memory::normal))
        fail("cannot map the kernel window (it collides with the loader)");
    tables_ready.store(true, std::memory_order_release);
}

// TCR's physical address size field: the kernel's configured size, or the CPU's.
std::uint64_t physical_address_size(const PayloadHeader& payload) {
    if (payload.arm_physical_address_bits == 40) return 2;
    if (payload.arm_physical_address_bits == 44) return 4;
    std::uint64_t mmfr0;
    asm volatile("mrs %0, id_aa64mmfr0_el1" : "=r"(mmfr0));
    return mmfr0 & 7;
}

void enable_mmu_el1(const PayloadHeader& payload) {
    constexpr std::uint64_t walk_attributes =
        1u << 8 | 1u << 10 | 3u << 12; // WBWA, inner shareable
    const std::uint64_t tcr = 16 | walk_attributes | 16ull << 16 | walk_attributes << 16 |
                              2ull << 30 /* TG1 4 KiB */ | physical_address_size(payload) << 32 |
                              1ull << 36 /* 16-bit ASIDs */;
    std::uint64_t sctlr;
    asm volatile(
        "msr mair_el1, %1\n msr tcr_el1, %2\n msr ttbr0_el1, %3\n msr ttbr1_el1, %4\n isb\n"
        "tlbi vmalle1\n dsb ish\n ic iallu\n isb\n"
        "mrs %0, sctlr_el1\n orr %0, %0, %5\n msr sctlr_el1, %0\n isb"
        : "=&r"(sctlr)
        : "r"(mair), "r"(tcr), "r"(reinterpret_cast<std::uintptr_t>(low_tables[0])),
          "r"(reinterpret_cast<std::uintptr_t>(high_tables[0])), "r"(sctlr_mmu_caches)
        : "memory");
}

void enable_mmu_el2(const PayloadHeader& payload) {
    const std::uint64_t tcr = 16 | 1u << 8 | 1u << 10 | 3u << 12 |
                              physical_address_size(payload) << 16 | 1u << 23 |
                              1u << 31; // reserved-one bits
    std::uint64_t sctlr;
    asm volatile("msr mair_el2, %1\n msr tcr_el2, %2\n msr ttbr0_el2, %3\n isb\n"
                 "tlbi alle2\n dsb ish\n ic iallu\n isb\n"
                 "mrs %0, sctlr_el2\n orr %0, %0, %4\n msr sctlr_el2, %0\n isb"
                 : "=&r"(sctlr)
                 : "r"(mair), "r"(tcr), "r"(reinterpret_cast<std::uintptr_t>(low_tables[0])),
                   "r"(sctlr_mmu_caches)
                 : "memory");
}

[[noreturn]] void jump_to_kernel(const PayloadHeader& payload, std::uint64_t core_id) {
    // seL4's entry reads the core's logical id from TPIDR_EL1 (SMP kernels).
    asm volatile("msr tpidr_el1, %0" ::"r"(core_id));
    register std::uint64_t x0 asm("x0") = payload.user_physical_start;
    register std::uint64_t x1 asm("x1") = payload.user_physical_end;
    register std::uint64_t x2 asm("x2") =
        static_cast<std::uint64_t>(payload.user_physical_virtual_offset);
    register std::uint64_t x3 asm("x3") = payload.user_entry;
    register std::uint64_t x4 asm("x4") = payload.dtb_physical_address;
    register std::uint64_t x5 asm("x5") = payload.dtb_size;
    asm volatile("br %6"
                 :
                 : "r"(x0), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5), "r"(payload.kernel_entry)
                 : "memory");
    __builtin_unreachable();
}

std::uint64_t psci_cpu_on(std::uint64_t mpidr, std::uint64_t entry, std::uint64_t context) {
    register std::uint64_t x0 asm("x0") = 0xc4000003; // CPU_ON, SMC64 calling convention
    register std::uint64_t x1 asm("x1") = mpidr;
    register std::uint64_t x2 asm("x2") = entry;
    register std::uint64_t x3 asm("x3") = context;
    // QEMU's PSCI answers HVC when the guest starts at EL1, SMC when it starts at EL2; the boot
    // core is still at its starting level here (it leaves EL2 only to enter the kernel).
    if (current_el() == 2)
        asm volatile("smc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x3) : "memory");
    else
        asm volatile("hvc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x3) : "memory");
    return x0;
}

} // namespace

void put_char(char c) {
    pl011_put_char(c);
}

const char* describe_mode() {
    const unsigned el = current_el();
    return el == 2 ? "EL2 (aarch64)" : el == 1 ? "EL1 (aarch64)" : "EL3 (aarch64)";
}

void start_secondary_cores(const PayloadHeader& payload, std::uint64_t) {
    if constexpr (SEL4_MAX_NUM_NODES > 1) {
        shared_payload = &payload;
        for (std::uint64_t core = 1; core < SEL4_MAX_NUM_NODES; ++core)
            if (psci_cpu_on(core, reinterpret_cast<std::uintptr_t>(secondary_start), core) != 0)
                fail("PSCI CPU_ON failed: start QEMU with as many cores (-smp) as the kernel's "
                     "KernelMaxNumNodes");
    }
}

void enter_kernel(const PayloadHeader& payload, std::uint64_t, std::uint64_t core_id) {
    const unsigned el = current_el();
    if (el == 3) fail("started at EL3, which this loader does not support");
    if (hypervisor_kernel(payload) && el != 2)
        fail("the kernel is built with hypervisor support and must be entered at EL2: start "
             "QEMU with -machine virt,virtualization=on");
    if (core_id == 0) build_tables(payload);
    if (hypervisor_kernel(payload)) {
        enable_mmu_el2(payload);
    } else {
        if (el == 2) drop_to_el1();
        enable_mmu_el1(payload);
    }
    jump_to_kernel(payload, core_id);
}

void halt() {
    for (;;)
        asm volatile("wfe");
}

} // namespace sel4::kernel_loader::arch

// A secondary core: wait for the boot core's page tables, then enter the kernel.
extern "C" [[noreturn]] void secondary_main(std::uint64_t core_id) {
    using namespace sel4::kernel_loader::arch;
    while (!tables_ready.load(std::memory_order_acquire)) {
    }
    enter_kernel(*shared_payload, 0, core_id);
}
