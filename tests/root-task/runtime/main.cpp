// The runtime's promises, checked on the real kernel: heap limits, exception kinds, TLS
// alignment, static initialisation order, standard containers and algorithms.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <variant>

#include <sel4/root_task.hpp>

namespace {

int failures = 0;

void check(bool ok, const char* what) {
    std::printf("runtime: %s: %s\n", what, ok ? "ok" : "FAILED");
    if (!ok) ++failures;
}

alignas(64) thread_local char aligned_tls[64] = {1};
thread_local int zero_tls;
int constructed_early = 0;
struct Early {
    Early() { constructed_early = 42; }
} early;

} // namespace

int main_task(const seL4_BootInfo& bootinfo) {
    check(constructed_early == 42, "static constructors ran");
    check(reinterpret_cast<std::uintptr_t>(aligned_tls) % 64 == 0 && aligned_tls[0] == 1,
          "aligned thread_local initialised");
    check(zero_tls == 0, "thread_local .tbss zeroed");
    check(bootinfo.ipcBuffer == seL4_GetIPCBuffer(), "IPC buffer set");

    bool bad_alloc = false;
    try {
        auto huge = std::make_unique<char[]>(64u << 20); // beyond the 1 MiB heap
        huge[0] = 1;
    } catch (const std::bad_alloc&) {
        bad_alloc = true;
    }
    check(bad_alloc, "heap exhaustion throws std::bad_alloc");
    check(std::malloc(64u << 20) == nullptr, "malloc beyond the heap returns null");

    std::map<std::string, int> map{{"b", 2}, {"a", 1}};
    check(map.begin()->first == "a", "std::map and std::string");
    std::variant<int, std::string> v = std::string("text");
    check(std::holds_alternative<std::string>(v), "std::variant");

    int caught = 0;
    try {
        try {
            throw 7;
        } catch (int value) {
            caught = value;
            throw;
        }
    } catch (...) {
        caught *= 2;
    }
    check(caught == 14, "rethrow through nested handlers");

#if defined(_GLIBCXX_HAS_GTHREADS) // not in riscv32's libstdc++ of an older set-up
    std::mutex mutex;
    {
        std::lock_guard lock(mutex);
        check(!mutex.try_lock(), "std::mutex excludes");
    }
    check(mutex.try_lock(), "std::mutex released");
    mutex.unlock();
    std::once_flag once;
    int calls = 0;
    for (int i = 0; i < 3; ++i)
        std::call_once(once, [&] { ++calls; });
    check(calls == 1, "std::call_once");
#endif

    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", 3.14159);
    check(std::strcmp(buffer, "3.142") == 0, "printf of a double (FPU)");

    if (failures) return failures;
    std::printf("runtime: all passed\n");
    return 0;
}

SEL4_ROOT_TASK_MAIN(main_task)
