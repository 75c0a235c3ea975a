// A stand-in for seL4 that checks what the kernel loader hands over: seL4's six boot
// arguments, the mapping of its own virtual window, the root task's and the device tree's
// bytes in physical memory, and the exception level or mode it was entered in.
#include <cstdint>

extern "C" char kernel_image_end[];

// Where this kernel is linked and loaded (from the build, as in kernel.ld).
constexpr std::uint64_t kernel_virtual_base = KERNEL_VIRTUAL;
constexpr std::uint64_t kernel_physical_base = KERNEL_PHYSICAL;
void put_char(char c);
const char* entry_mode();

namespace {

constexpr std::uint64_t root_task_base = 0x400000;            // root-task.ld
constexpr std::uint64_t root_task_magic = 0x6b7361742d746f6f; // "oot-task", root_task.S

void print(const char* text) {
    while (*text)
        put_char(*text++);
}

void print_hex(std::uint64_t value) {
    print("0x");
    for (int shift = 60; shift >= 0; shift -= 4)
        put_char("0123456789abcdef"[(value >> shift) & 15]);
}

int failures = 0;

void check(bool ok, const char* what) {
    if (ok) return;
    print("test-kernel: FAILED: ");
    print(what);
    print("\n");
    ++failures;
}

// Physical memory through the kernel's window, as seL4 reaches it before its own tables.
template <class T>
T read_physical(std::uint64_t physical) {
    const auto offset = kernel_virtual_base - kernel_physical_base;
    return *reinterpret_cast<const volatile T*>(physical + offset);
}

std::uint32_t big_endian(std::uint32_t value) {
    return (value >> 24) | ((value >> 8) & 0xff00) | ((value << 8) & 0xff0000) | (value << 24);
}

} // namespace

extern "C" [[noreturn]] void test_kernel_main(std::uint64_t user_start, std::uint64_t user_end,
                                              std::int64_t pv_offset, std::uint64_t user_entry,
                                              std::uint64_t dtb, std::uint64_t dtb_size,
                                              std::uint64_t program_counter) {
    print("test-kernel: entered in ");
    print(entry_mode());
    print(" at ");
    print_hex(program_counter);
    print("\n");
    const auto image_end_physical = reinterpret_cast<std::uintptr_t>(kernel_image_end) -
                                    kernel_virtual_base + kernel_physical_base;
    check(program_counter >= kernel_virtual_base &&
              program_counter < reinterpret_cast<std::uintptr_t>(kernel_image_end),
          "entered at the kernel's virtual address");
    check(user_start % 4096 == 0 && user_end % 4096 == 0 && user_start < user_end,
          "user image region is page-aligned and not empty");
    check(user_start >= image_end_physical, "user image is above the kernel image");
    check(pv_offset == static_cast<std::int64_t>(user_start - root_task_base),
          "physical-virtual offset of the user image");
    check(user_entry == root_task_base, "user entry is the root task's ELF entry");
    check(read_physical<std::uint64_t>(user_start) == root_task_magic,
          "root task bytes at the user image's start");
    check(dtb != 0 && dtb % 8 == 0 && dtb_size >= 40, "device tree address and size");
    if (dtb) {
        check(big_endian(read_physical<std::uint32_t>(dtb)) == 0xd00dfeed, "device tree magic");
        check(big_endian(read_physical<std::uint32_t>(dtb + 4)) == dtb_size,
              "device tree size matches its header");
    }
    if (failures == 0) {
        print("test-kernel: all boot arguments ok (");
        print(entry_mode());
        print(")\n");
    }
    for (;;) {
    }
}
