// What the runtime's POSIX thread layer (and so std::thread, std::mutex,
// std::condition_variable) needs from whoever owns the kernel objects: a way to start and join
// threads, and notifications to block on. A root task's sel4::Env provides it; without a
// provider, pthread_create fails with EAGAIN and contended locks yield instead of blocking.
#pragma once

#include <atomic>
#include <cstdint>

#include <sel4/sys.hpp>

// Defined by the runtime that owns the initial thread, with that thread's TCB as initial value
// (root task: seL4_CapInitThreadTCB); a C thread-local, so reading it is one load.
extern "C" __thread seL4_CPtr sel4_runtime_current_tcb;

namespace sel4::runtime {

// The operations, as C-style function pointers with a context (the provider's object).
struct ThreadProvider {
    // Starts start(argument) in a new thread; *handle becomes the value pthread_self() returns
    // there. Returns 0 or an errno value.
    int (*create)(void* context, void* (*start)(void*), void* argument, std::uintptr_t* handle);
    // Waits for the thread to finish, then recycles it. Returns 0 or an errno value.
    int (*join)(void* context, std::uintptr_t handle, void** result);
    int (*detach)(void* context, std::uintptr_t handle);
    // A notification to block on (0 when there is none left), and giving one back.
    seL4_CPtr (*allocate_notification)(void* context);
    void (*free_notification)(void* context, seL4_CPtr notification); // giving one back
    void* context;                                                    // passed to each operation
};

// Installs (or, with nullptr, removes) the provider. The provider must outlive its use.
void set_thread_provider(const ThreadProvider* provider) noexcept;
const ThreadProvider* thread_provider() noexcept;

// The TCB of the calling thread, for the fatal path to stop the right thread. sel4::Thread sets
// it in each thread it starts.
inline seL4_CPtr current_thread_tcb() noexcept {
    return sel4_runtime_current_tcb;
}
inline void set_current_thread_tcb(seL4_CPtr tcb) noexcept {
    sel4_runtime_current_tcb = tcb;
}

// A lock that blocks on a notification when contended (a benaphore): one atomic operation when
// uncontended, no spinning, no yielding. The notification is the caller's.
class NotificationLock {
  public:
    constexpr NotificationLock() = default;
    explicit NotificationLock(seL4_CPtr notification) : notification_(notification) {}
    void set_notification(seL4_CPtr notification) { notification_ = notification; }

    // Takes the lock, blocking while another thread holds it.
    void lock() noexcept {
        if (waiting_.fetch_add(1, std::memory_order_acquire) > 0) {
            seL4_Wait(notification_, nullptr);
            std::atomic_thread_fence(std::memory_order_acquire);
        }
    }
    // Takes the lock if it is free.
    bool try_lock() noexcept {
        long expected = 0;
        return waiting_.compare_exchange_strong(expected, 1, std::memory_order_acquire);
    }
    // Gives the lock back (to a waiting thread, if there is one).
    void unlock() noexcept {
        // Hand the lock to one waiter: the notification holds the wake-up until it waits.
        if (waiting_.fetch_sub(1, std::memory_order_release) > 1) seL4_Signal(notification_);
    }

  private:
    std::atomic<long> waiting_{0};
    seL4_CPtr notification_ = 0;
};

} // namespace sel4::runtime
