#include <cstdint>

extern "C" [[noreturn]] void test_kernel_main(std::uint64_t user_start, std::uint64_t user_end,
                                              std::int64_t pv_offset, std::uint64_t user_entry,
                                              std::uint64_t dtb, std::uint64_t dtb_size,
                                              std::uint64_t program_counter);

// seL4's aarch32 arguments are words; the checks are shared with the 64-bit kernels.
extern "C" [[noreturn]] void test_kernel_entry32(std::uint32_t user_start, std::uint32_t user_end,
                                                 std::int32_t pv_offset, std::uint32_t user_entry,
                                                 std::uint32_t dtb, std::uint32_t dtb_size,
                                                 std::uint32_t program_counter) {
    test_kernel_main(user_start, user_end, pv_offset, user_entry, dtb, dtb_size, program_counter);
}

void put_char(char c) {
    auto* data = reinterpret_cast<volatile std::uint32_t*>(0x09000000);
    auto* flags = reinterpret_cast<volatile std::uint32_t*>(0x09000018);
    if (c == '\n') put_char('\r');
    while (*flags & (1u << 5)) {
    }
    *data = static_cast<unsigned char>(c);
}

const char* entry_mode() {
    std::uint32_t cpsr, sctlr;
    asm volatile("mrs %0, cpsr" : "=r"(cpsr));
    asm volatile("mrc p15, 0, %0, c1, c0, 0" : "=r"(sctlr));
    if (!(sctlr & 1)) return "MMU off";
    return (cpsr & 0x1f) == 0x13 ? "SVC" : (cpsr & 0x1f) == 0x1a ? "HYP" : "another mode";
}
