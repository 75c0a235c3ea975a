// What each architecture provides to the loader's common part.
#pragma once

#include <cstdint>

#include <sel4/kernel_loader/payload.hpp>

namespace sel4::kernel_loader::arch {

void put_char(char c);

// Where the loader found itself (exception level, privilege mode), for the log.
const char* describe_mode();

// Builds the page tables the kernel expects, turns on the MMU and enters the kernel with
// seL4's boot arguments. Stops with a message when the kernel cannot run from here.
[[noreturn]] void enter_kernel(const PayloadHeader& payload, std::uint64_t hart_id,
                               std::uint64_t core_id);

// Starts the other cores of an SMP kernel; each enters the kernel too.
void start_secondary_cores(const PayloadHeader& payload, std::uint64_t boot_hart_id);

[[noreturn]] void halt();

} // namespace sel4::kernel_loader::arch
