// The atomics RV32 has no instructions for (8-byte ones, and compare-and-swap on 1 and 2 bytes,
// which GCC 12 does not inline), as libatomic would provide them: under one lock, taken with
// the 4-byte atomic swap the hardware has. Threads that wait for it yield, so a preempted holder
// runs again.
#include <atomic>
#include <cstdint>
#include <cstring>

#include <sel4/sys.hpp>

namespace {

std::atomic<unsigned> lock_word{0};

struct Guard {
    Guard() {
        while (lock_word.exchange(1, std::memory_order_acquire))
            seL4_Yield();
    }
    ~Guard() { lock_word.store(0, std::memory_order_release); }
};

template <class T>
T load(const volatile void* address) {
    Guard guard;
    T value;
    std::memcpy(&value, const_cast<const void*>(address), sizeof value);
    return value;
}

template <class T>
void store(volatile void* address, T value) {
    Guard guard;
    std::memcpy(const_cast<void*>(address), &value, sizeof value);
}

template <class T>
bool compare_exchange(volatile void* address, void* expected, T desired) {
    Guard guard;
    T current;
    std::memcpy(&current, const_cast<const void*>(address), sizeof current);
    if (std::memcmp(&current, expected, sizeof current) == 0) {
        std::memcpy(const_cast<void*>(address), &desired, sizeof desired);
        return true;
    }
    std::memcpy(expected, &current, sizeof current);
    return false;
}

template <class T, class Op>
T fetch_op(volatile void* address, T operand, Op op) {
    Guard guard;
    T old;
    std::memcpy(&old, const_cast<const void*>(address), sizeof old);
    const T updated = op(old, operand);
    std::memcpy(const_cast<void*>(address), &updated, sizeof updated);
    return old;
}

} // namespace

// The libatomic entry points, by their names (GCC reserves them as builtins in C++).
extern "C" {
std::uint64_t sel4_atomic_load_8(const volatile void*, int) asm("__atomic_load_8");
void sel4_atomic_store_8(volatile void*, std::uint64_t, int) asm("__atomic_store_8");
std::uint64_t sel4_atomic_exchange_8(volatile void*, std::uint64_t, int) asm("__atomic_exchange_8");
bool sel4_atomic_compare_exchange_8(volatile void*, void*, std::uint64_t, bool, int,
                                    int) asm("__atomic_compare_exchange_8");
std::uint64_t sel4_atomic_fetch_add_8(volatile void*, std::uint64_t,
                                      int) asm("__atomic_fetch_add_8");
std::uint64_t sel4_atomic_fetch_sub_8(volatile void*, std::uint64_t,
                                      int) asm("__atomic_fetch_sub_8");
bool sel4_atomic_compare_exchange_1(volatile void*, void*, std::uint8_t, bool, int,
                                    int) asm("__atomic_compare_exchange_1");
bool sel4_atomic_compare_exchange_2(volatile void*, void*, std::uint16_t, bool, int,
                                    int) asm("__atomic_compare_exchange_2");
std::uint8_t sel4_atomic_exchange_1(volatile void*, std::uint8_t, int) asm("__atomic_exchange_1");
std::uint16_t sel4_atomic_exchange_2(volatile void*, std::uint16_t, int) asm("__atomic_exchange_2");

std::uint64_t sel4_atomic_load_8(const volatile void* address, int) {
    return load<std::uint64_t>(address);
}
void sel4_atomic_store_8(volatile void* address, std::uint64_t value, int) {
    store(address, value);
}
std::uint64_t sel4_atomic_exchange_8(volatile void* address, std::uint64_t value, int) {
    return fetch_op(address, value, [](std::uint64_t, std::uint64_t v) { return v; });
}
bool sel4_atomic_compare_exchange_8(volatile void* address, void* expected, std::uint64_t desired,
                                    bool, int, int) {
    return compare_exchange(address, expected, desired);
}
std::uint64_t sel4_atomic_fetch_add_8(volatile void* address, std::uint64_t value, int) {
    return fetch_op(address, value, [](std::uint64_t a, std::uint64_t b) { return a + b; });
}
std::uint64_t sel4_atomic_fetch_sub_8(volatile void* address, std::uint64_t value, int) {
    return fetch_op(address, value, [](std::uint64_t a, std::uint64_t b) { return a - b; });
}
bool sel4_atomic_compare_exchange_1(volatile void* address, void* expected, std::uint8_t desired,
                                    bool, int, int) {
    return compare_exchange(address, expected, desired);
}
bool sel4_atomic_compare_exchange_2(volatile void* address, void* expected, std::uint16_t desired,
                                    bool, int, int) {
    return compare_exchange(address, expected, desired);
}
std::uint8_t sel4_atomic_exchange_1(volatile void* address, std::uint8_t value, int) {
    return fetch_op(address, value, [](std::uint8_t, std::uint8_t v) { return v; });
}
std::uint16_t sel4_atomic_exchange_2(volatile void* address, std::uint16_t value, int) {
    return fetch_op(address, value, [](std::uint16_t, std::uint16_t v) { return v; });
}
}
