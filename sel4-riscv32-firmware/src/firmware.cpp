// A minimal M-mode firmware for seL4 on QEMU's riscv32 virt machine (Debian ships OpenSBI for
// riscv64 only). It gives S-mode the memory (PMP), the counters, the interrupts and exceptions
// S-mode handles itself, and serves the SBI calls seL4 and the kernel loader make: the legacy
// set_timer, console_putchar, console_getchar and shutdown, and the base extension's probes.
// Then it enters the next stage (QEMU's -kernel) in S-mode with a0 = hart id, a1 = device tree.
#include <cstdint>

namespace {

constexpr std::uintptr_t uart = 0x10000000;            // ns16550a
constexpr std::uintptr_t clint_mtimecmp = 0x02004000;  // hart 0
constexpr std::uintptr_t test_device = 0x00100000;     // sifive_test: poweroff
constexpr std::uint32_t fw_dynamic_magic = 0x4942534f; // "OSBI"

// QEMU's description of the next stage (OpenSBI's fw_dynamic_info layout), xlen-sized fields.
struct FwDynamicInfo {
    std::uint32_t magic, version, next_address, next_mode, options, boot_hart;
};

// The registers saved by trap_entry, indexed by register number (x0's slot unused).
struct Frame {
    std::uint32_t x[32];
    std::uint32_t& a(int n) { return x[10 + n]; }
};

constexpr std::uint32_t mip_stip = 1u << 5, mie_mtie = 1u << 7;
constexpr std::uint32_t interrupt_bit = 1u << 31;
constexpr std::uint32_t machine_timer_interrupt = interrupt_bit | 7;
constexpr std::uint32_t ecall_from_s = 9;

// SBI: legacy extensions are their own ids; the base extension and its functions.
enum : std::uint32_t {
    sbi_set_timer = 0,
    sbi_console_putchar = 1,
    sbi_console_getchar = 2,
    sbi_shutdown = 8,
    sbi_base = 0x10,
};
constexpr std::int32_t sbi_not_supported = -2;

// Control and status registers by number (the instructions take them as immediates).
enum Csr : std::uint32_t {
    scounteren = 0x106,
    satp = 0x180,
    mstatus = 0x300,
    medeleg = 0x302,
    mideleg = 0x303,
    mie = 0x304,
    mcounteren = 0x306,
    mepc = 0x341,
    mcause = 0x342,
    mtval = 0x343,
    mip = 0x344,
    pmpcfg0 = 0x3a0,
    pmpaddr0 = 0x3b0,
};

template <Csr csr>
std::uint32_t csr_read() {
    std::uint32_t value;
    asm volatile("csrr %0, %1" : "=r"(value) : "i"(csr));
    return value;
}
template <Csr csr>
void csr_write(std::uint32_t value) {
    asm volatile("csrw %0, %1" ::"i"(csr), "r"(value));
}
template <Csr csr>
void csr_set(std::uint32_t bits) {
    asm volatile("csrs %0, %1" ::"i"(csr), "r"(bits));
}
template <Csr csr>
void csr_clear(std::uint32_t bits) {
    asm volatile("csrc %0, %1" ::"i"(csr), "r"(bits));
}

volatile std::uint8_t& uart_register(int offset) {
    return *reinterpret_cast<volatile std::uint8_t*>(uart + offset);
}

void put_char(char c) {
    while (!(uart_register(5) & 0x20)) { // LSR: transmitter holding register empty
    }
    uart_register(0) = static_cast<std::uint8_t>(c);
}

void print(const char* text) {
    for (; *text; ++text) {
        if (*text == '\n') put_char('\r');
        put_char(*text);
    }
}

void print_hex(std::uint32_t value) {
    print("0x");
    for (int shift = 28; shift >= 0; shift -= 4)
        put_char("0123456789abcdef"[(value >> shift) & 15]);
}

[[noreturn]] void power_off() {
    *reinterpret_cast<volatile std::uint32_t*>(test_device) = 0x5555;
    for (;;)
        asm volatile("wfi");
}

void set_timer(std::uint32_t low, std::uint32_t high) {
    auto* compare = reinterpret_cast<volatile std::uint32_t*>(clint_mtimecmp);
    compare[1] = 0xffffffff; // no early match while the halves change
    compare[0] = low;
    compare[1] = high;
    csr_clear<mip>(mip_stip);
    csr_set<mie>(mie_mtie);
}

// Base extension: version 0.2 with no extension beyond the legacy ones.
std::int32_t base_call(std::uint32_t function, std::uint32_t argument, std::uint32_t& value) {
    switch (function) {
    case 0: // specification version
        value = 2;
        return 0;
    case 1: // implementation id: none registered
    case 2: // implementation version
    case 4: // mvendorid
    case 5: // marchid
    case 6: // mimpid
        value = 0;
        return 0;
    case 3: // probe extension
        value = argument == sbi_base;
        return 0;
    default:
        return sbi_not_supported;
    }
}

void sbi_call(Frame& frame) {
    const std::uint32_t extension = frame.a(7);
    switch (extension) {
    case sbi_set_timer:
        set_timer(frame.a(0), frame.a(1));
        frame.a(0) = 0;
        return;
    case sbi_console_putchar:
        put_char(static_cast<char>(frame.a(0)));
        frame.a(0) = 0;
        return;
    case sbi_console_getchar:
        frame.a(0) = (uart_register(5) & 1) ? uart_register(0) : static_cast<std::uint32_t>(-1);
        return;
    case sbi_shutdown:
        power_off();
    case sbi_base: {
        std::uint32_t value = 0;
        const auto error = base_call(frame.a(6), frame.a(0), value);
        frame.a(0) = static_cast<std::uint32_t>(error);
        frame.a(1) = value;
        return;
    }
    default:
        frame.a(0) = static_cast<std::uint32_t>(sbi_not_supported);
        return;
    }
}

} // namespace

extern "C" std::uint32_t firmware_main(std::uint32_t, std::uint32_t, const FwDynamicInfo* next) {
    print("sel4-riscv32-firmware: M-mode, ");
    if (!next || next->magic != fw_dynamic_magic || next->next_mode != 1) {
        print("no S-mode payload from QEMU (-kernel)\n");
        power_off();
    }
    // All memory to S and U mode: one NAPOT region over the whole physical address space.
    csr_write<pmpaddr0>(0xffffffffu);
    csr_write<pmpcfg0>(0x1fu); // R W X, NAPOT
    // Counters readable below M-mode (seL4 reads time with rdtime).
    csr_write<mcounteren>(0x7u);
    csr_write<scounteren>(0x7u);
    // Supervisor interrupts, and every exception S-mode can handle, go to S-mode.
    csr_write<mideleg>((1u << 1) | (1u << 5) | (1u << 9));
    csr_write<medeleg>((1u << 0) | (1u << 1) | (1u << 2) | (1u << 3) | (1u << 4) | (1u << 5) |
                       (1u << 6) | (1u << 7) | (1u << 8) | (1u << 12) | (1u << 13) | (1u << 15));
    csr_write<mie>(0u);
    csr_write<satp>(0u);
    // mret to S-mode (MPP = 01), FPU usable (FS = initial), M-mode interrupts on after mret.
    std::uint32_t status = csr_read<mstatus>();
    status = (status & ~(3u << 11)) | (1u << 11) | (1u << 13) | (1u << 7);
    csr_write<mstatus>(status);
    print("entering ");
    print_hex(next->next_address);
    print(" in S-mode\n");
    return next->next_address;
}

extern "C" void handle_trap(Frame& frame) {
    const std::uint32_t cause = csr_read<mcause>();
    if (cause == machine_timer_interrupt) {
        // The timer S-mode asked for: hand it over as a supervisor timer interrupt.
        csr_clear<mie>(mie_mtie);
        csr_set<mip>(mip_stip);
        return;
    }
    if (cause == ecall_from_s) {
        sbi_call(frame);
        csr_write<mepc>(csr_read<mepc>() + 4);
        return;
    }
    print("sel4-riscv32-firmware: unexpected trap, mcause ");
    print_hex(cause);
    print(" mepc ");
    print_hex(csr_read<mepc>());
    print(" mtval ");
    print_hex(csr_read<mtval>());
    print("\n");
    power_off();
}
