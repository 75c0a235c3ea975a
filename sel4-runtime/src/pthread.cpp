// The POSIX thread calls of the toolchain's <pthread.h> shim, for libstdc++'s gthreads layer.
// Threads on seL4 are created by the program (TCBs it owns), not by pthread_create; these
// primitives only need to be correct between such threads: locks spin with seL4_Yield,
// condition variables may wake spuriously.
#include <pthread.h>

#include <atomic>
#include <cerrno>
#include <cstdint>

#include <sel4/sys.hpp>

#include "arch.hpp"

namespace {

std::atomic_ref<int> lock_word(pthread_mutex_t* mutex) {
    return std::atomic_ref<int>(mutex->state.lock);
}

// Distinct per thread: TLS regions are 16-byte aligned and far apart.
int current_thread_tag() {
    return static_cast<int>(sel4::runtime::arch::thread_pointer() >> 4) | 1;
}

constexpr int max_keys = PTHREAD_KEYS_MAX;
std::atomic<bool> key_used[max_keys];
thread_local const void* key_values[max_keys];

} // namespace

extern "C" {

int pthread_create(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*) {
    return EAGAIN;
}
int pthread_join(pthread_t, void**) {
    return ESRCH;
}
int pthread_detach(pthread_t) {
    return ESRCH;
}
int pthread_cancel(pthread_t) {
    return ESRCH;
}
pthread_t pthread_self(void) {
    return sel4::runtime::arch::thread_pointer();
}
int pthread_equal(pthread_t a, pthread_t b) {
    return a == b;
}

int sched_yield(void) {
    seL4_Yield();
    return 0;
}

int pthread_once(pthread_once_t* once, void (*routine)(void)) {
    // 0: not run, 1: running, 2: done.
    std::atomic_ref<int> state(*once);
    int expected = 0;
    if (state.compare_exchange_strong(expected, 1, std::memory_order_acquire)) {
        routine();
        state.store(2, std::memory_order_release);
        return 0;
    }
    while (state.load(std::memory_order_acquire) != 2)
        seL4_Yield();
    return 0;
}

int pthread_key_create(pthread_key_t* key, void (*)(void*)) {
    for (int i = 0; i < max_keys; ++i) {
        bool expected = false;
        if (key_used[i].compare_exchange_strong(expected, true)) {
            *key = static_cast<pthread_key_t>(i);
            return 0;
        }
    }
    return EAGAIN;
}

int pthread_key_delete(pthread_key_t key) {
    if (key >= max_keys) return EINVAL;
    key_used[key] = false;
    return 0;
}

void* pthread_getspecific(pthread_key_t key) {
    return key < max_keys ? const_cast<void*>(key_values[key]) : nullptr;
}

int pthread_setspecific(pthread_key_t key, const void* value) {
    if (key >= max_keys) return EINVAL;
    key_values[key] = value;
    return 0;
}

int pthread_mutexattr_init(pthread_mutexattr_t* attr) {
    attr->kind = PTHREAD_MUTEX_NORMAL;
    return 0;
}
int pthread_mutexattr_settype(pthread_mutexattr_t* attr, int kind) {
    attr->kind = kind;
    return 0;
}
int pthread_mutexattr_destroy(pthread_mutexattr_t*) {
    return 0;
}

int pthread_mutex_init(pthread_mutex_t* mutex, const pthread_mutexattr_t* attr) {
    *mutex = PTHREAD_MUTEX_INITIALIZER;
    if (attr) mutex->state.kind = attr->kind;
    return 0;
}
int pthread_mutex_destroy(pthread_mutex_t*) {
    return 0;
}

int pthread_mutex_trylock(pthread_mutex_t* mutex) {
    const int self = current_thread_tag();
    if (mutex->state.kind == PTHREAD_MUTEX_RECURSIVE &&
        lock_word(mutex).load(std::memory_order_relaxed) == self) {
        ++mutex->state.count;
        return 0;
    }
    int expected = 0;
    if (!lock_word(mutex).compare_exchange_strong(expected, self, std::memory_order_acquire))
        return EBUSY;
    mutex->state.count = 1;
    return 0;
}

int pthread_mutex_lock(pthread_mutex_t* mutex) {
    while (pthread_mutex_trylock(mutex) == EBUSY)
        seL4_Yield();
    return 0;
}

int pthread_mutex_timedlock(pthread_mutex_t* mutex, const struct timespec*) {
    return pthread_mutex_lock(mutex);
}

int pthread_mutex_clocklock(pthread_mutex_t* mutex, clockid_t, const struct timespec*) {
    return pthread_mutex_lock(mutex);
}

// No clock yet: every timed wait waits for the lock itself, and timespec_get fails.
int timespec_get(struct timespec*, int) {
    return 0;
}

int pthread_mutex_unlock(pthread_mutex_t* mutex) {
    if (lock_word(mutex).load(std::memory_order_relaxed) != current_thread_tag()) return EPERM;
    if (--mutex->state.count) return 0;
    lock_word(mutex).store(0, std::memory_order_release);
    return 0;
}

int pthread_cond_init(pthread_cond_t* cond, const pthread_condattr_t*) {
    *cond = PTHREAD_COND_INITIALIZER;
    return 0;
}
int pthread_cond_destroy(pthread_cond_t*) {
    return 0;
}

int pthread_cond_signal(pthread_cond_t* cond) {
    std::atomic_ref<unsigned>(cond->state.sequence).fetch_add(1, std::memory_order_release);
    return 0;
}
int pthread_cond_broadcast(pthread_cond_t* cond) {
    return pthread_cond_signal(cond);
}

int pthread_cond_wait(pthread_cond_t* cond, pthread_mutex_t* mutex) {
    std::atomic_ref<unsigned> sequence(cond->state.sequence);
    const unsigned seen = sequence.load(std::memory_order_acquire);
    pthread_mutex_unlock(mutex);
    // Give the signalling thread a chance; return after a signal or a bounded wait, since a
    // spurious wakeup is allowed and callers re-check their condition.
    for (int spins = 0; spins < 64 && sequence.load(std::memory_order_acquire) == seen; ++spins)
        seL4_Yield();
    pthread_mutex_lock(mutex);
    return 0;
}

int pthread_cond_timedwait(pthread_cond_t* cond, pthread_mutex_t* mutex, const struct timespec*) {
    return pthread_cond_wait(cond, mutex);
}

int pthread_cond_clockwait(pthread_cond_t* cond, pthread_mutex_t* mutex, clockid_t,
                           const struct timespec*) {
    return pthread_cond_wait(cond, mutex);
}
}
