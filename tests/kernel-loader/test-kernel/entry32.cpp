#include <cstdint>

extern "C" [[noreturn]] void test_kernel_main(std::uint64_t user_start, std::uint64_t user_end,
                                              std::int64_t pv_offset, std::uint64_t user_entry,
                                              std::uint64_t dtb, std::uint64_t dtb_size,
                                              std::uint64_t program_counter);

// seL4's 32-bit kernels (aarch32, riscv32) take their arguments as words; the checks are shared
// with the 64-bit kernels.
extern "C" [[noreturn]] void test_kernel_entry32(std::uint32_t user_start, std::uint32_t user_end,
                                                 std::int32_t pv_offset, std::uint32_t user_entry,
                                                 std::uint32_t dtb, std::uint32_t dtb_size,
                                                 std::uint32_t program_counter) {
    test_kernel_main(user_start, user_end, pv_offset, user_entry, dtb, dtb_size, program_counter);
}
