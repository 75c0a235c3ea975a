// What Debian's libstdc++, libsupc++ and libgcc_eh (built for glibc) need from a C library
// beyond the C standard, provided for a single static seL4 image.
#include <atomic>
#include <cerrno>
#include <syscall.h>
#include <cstdint>
#include <cstring>

#include <sel4/runtime/runtime.hpp>
#include <sel4/sys.hpp>

#include "internal.hpp"

// crtbegin.o's: this image is the only "shared object".
// Weak: where crtbegin.o is linked (riscv32), it has its own. Outside extern "C" (a global
// variable's name is not mangled either way): the compiler declares it implicitly, in C++, for
// function-local statics with destructors in the headers above (libstdc++'s atomic-wait pool,
// where it has no futex).
[[gnu::weak]] void* __dso_handle = nullptr;

extern "C" {

// glibc's hint that no second thread exists; 0 keeps shared_ptr and friends atomic.
char __libc_single_threaded = 0;

// No message catalogues: messages are their own translation.
char* gettext(const char* message) {
    return const_cast<char*>(message);
}

// glibc 2.35's lookup the unwinder uses to find .eh_frame_hdr for a code address.
struct dl_find_object {
    unsigned long long dlfo_flags;
    void* dlfo_map_start;
    void* dlfo_map_end;
    void* dlfo_link_map;
    void* dlfo_eh_frame;
    unsigned long long reserved[7];
};

int _dl_find_object(void* address, dl_find_object* result) {
    const auto pc = reinterpret_cast<std::uintptr_t>(address);
    std::uintptr_t start = UINTPTR_MAX, end = 0;
    void* eh_frame = nullptr;
    for (const auto& header : sel4::runtime::program_headers()) {
        if (header.type == sel4::elf::pt_load) {
            if (header.vaddr < start) start = header.vaddr;
            if (header.vaddr + header.memsz > end) end = header.vaddr + header.memsz;
        } else if (header.type == sel4::elf::pt_gnu_eh_frame) {
            eh_frame = reinterpret_cast<void*>(header.vaddr);
        }
    }
    if (pc < start || pc >= end || !eh_frame) return -1;
    std::memset(result, 0, sizeof *result);
    result->dlfo_map_start = reinterpret_cast<void*>(start);
    result->dlfo_map_end = reinterpret_cast<void*>(end);
    result->dlfo_eh_frame = eh_frame;
    return 0;
}

// Linux's system call entry, for the one call libstdc++ makes: futex waits in atomic waits
// (std::atomic::wait, semaphores, latches). A wait may return spuriously, so yielding and
// returning is a correct, if busy, futex; waking has nothing to do.
long syscall(long number, ...) {
    if (number == SYS_futex) {
        seL4_Yield();
        return 0;
    }
    errno = ENOSYS;
    return -1;
}
}
