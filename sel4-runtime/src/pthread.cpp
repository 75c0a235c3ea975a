// The POSIX thread calls of the toolchain's <pthread.h> shim, for libstdc++'s gthreads layer
// (std::thread, std::mutex, std::condition_variable, std::call_once, thread-specific keys).
//
// Threads come from the ThreadProvider a root task's sel4::Env installs. Locks are benaphores:
// one atomic operation when free, a seL4 notification to block on when contended (taken from
// the provider the first time a lock is contended). Condition variables queue their waiters,
// each blocking on its own thread's notification. Without a provider (no Env, or a Microkit PD)
// there is only one thread unless the program makes TCBs itself; then a contended lock yields.
#include <pthread.h>
#include <semaphore.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <ctime>

#include <sel4/runtime/runtime.hpp>
#include <sel4/runtime/threads.hpp>
#include <sel4/sys.hpp>

#include "arch.hpp"
#include "clock.hpp"

namespace sel4::runtime {
namespace {
std::atomic<const ThreadProvider*> provider{nullptr};
} // namespace

void set_thread_provider(const ThreadProvider* new_provider) noexcept {
    provider.store(new_provider, std::memory_order_release);
}

const ThreadProvider* thread_provider() noexcept {
    return provider.load(std::memory_order_acquire);
}

} // namespace sel4::runtime

namespace {

using sel4::runtime::thread_provider;

// Distinct per thread: TLS regions are 16-byte aligned and far apart.
int current_thread_tag() {
    return static_cast<int>(sel4::runtime::arch::thread_pointer() >> 4) | 1;
}

// A notification from the provider, installed in *slot once (the first caller wins).
seL4_CPtr notification_in(unsigned long* slot) {
    std::atomic_ref<unsigned long> installed(*slot);
    if (const auto existing = installed.load(std::memory_order_acquire)) return existing;
    const auto* p = thread_provider();
    if (!p) return 0;
    const seL4_CPtr fresh = p->allocate_notification(p->context);
    if (!fresh) return 0;
    unsigned long expected = 0;
    if (installed.compare_exchange_strong(expected, fresh, std::memory_order_acq_rel)) return fresh;
    p->free_notification(p->context, fresh);
    return expected;
}

void release_notification(unsigned long* slot) {
    const auto* p = thread_provider();
    if (*slot && p) p->free_notification(p->context, *slot);
    *slot = 0;
}

// A lock word as futex-based mutexes have it: 0 free, 1 held, 2 held and maybe waited for.
// Unlocking frees the word and signals the notification only when someone may be waiting; the
// notification's bit keeps a wake-up that comes before its waiter blocks, and a woken waiter
// competes for the word again. Handing the lock over to a blocked waiter instead would make
// every contended acquisition a cross-core wake-up (a convoy): on an SMP kernel under QEMU that
// was 2.5 ms per lock.
struct LockWords {
    int* word;
    unsigned long* notification;

    // With more than one core the holder is most likely running: a short spin before blocking
    // saves two system calls and a wake-up.
    static constexpr int spins = CONFIG_MAX_NUM_NODES > 1 ? 64 : 0;

    bool try_lock() const {
        int expected = 0;
        return std::atomic_ref<int>(*word).compare_exchange_strong(expected, 1,
                                                                   std::memory_order_acquire);
    }
    void lock() const {
        if (try_lock()) return;
        std::atomic_ref<int> state(*word);
        for (int i = 0; i < spins; ++i)
            if (state.load(std::memory_order_relaxed) == 0 && try_lock()) return;
        const seL4_CPtr n = notification_in(notification);
        while (state.exchange(2, std::memory_order_acquire) != 0) {
            if (n)
                seL4_Wait(n, nullptr);
            else
                seL4_Yield(); // no provider: nothing to block on
        }
    }
    void unlock() const {
        if (std::atomic_ref<int>(*word).exchange(0, std::memory_order_release) != 2) return;
        if (const seL4_CPtr n = notification_in(notification)) seL4_Signal(n);
    }
};

LockWords words_of(pthread_mutex_t* mutex) {
    return {&mutex->state.lock, &mutex->state.notification};
}
LockWords words_of(pthread_cond_t* cond) {
    return {&cond->state.lock, &cond->state.notification};
}

// This thread's own notification, to be woken through (0: none, then waiters yield).
thread_local seL4_CPtr parker = 0;
seL4_CPtr current_parker() {
    if (!parker) {
        unsigned long fresh = 0;
        parker = notification_in(&fresh);
    }
    return parker;
}

// A thread waiting on a condition variable or a read-write lock, in its queue (on the waiter's
// stack).
struct Waiter {
    Waiter* next;
    seL4_CPtr parker;
    std::atomic<int> woken;
};

// A queue of waiters over the two words of a pthread type, under that type's LockWords.
struct WaitQueue {
    Waiter*& head;
    Waiter*& tail;

    void push(Waiter* waiter) const {
        if (tail)
            tail->next = waiter;
        else
            head = waiter;
        tail = waiter;
    }
    Waiter* pop() const {
        Waiter* first = head;
        if (first) {
            head = first->next;
            if (!first->next) tail = nullptr;
        }
        return first;
    }
    Waiter* pop_all() const {
        Waiter* all = head;
        head = tail = nullptr;
        return all;
    }
    // Removes waiter if it is still queued (a timed wait giving up).
    bool remove(Waiter* waiter) const {
        Waiter** link = &head;
        Waiter* previous = nullptr;
        while (*link && *link != waiter)
            previous = *link, link = &(*link)->next;
        if (!*link) return false;
        *link = waiter->next;
        if (tail == waiter) tail = previous;
        return true;
    }
};

WaitQueue queue_of(pthread_cond_t* cond) {
    return {reinterpret_cast<Waiter*&>(cond->state.head),
            reinterpret_cast<Waiter*&>(cond->state.tail)};
}
WaitQueue queue_of(pthread_rwlock_t* rwlock) {
    return {reinterpret_cast<Waiter*&>(rwlock->state.head),
            reinterpret_cast<Waiter*&>(rwlock->state.tail)};
}

void wake(Waiter* waiter) {
    const seL4_CPtr target = waiter->parker; // read first: once woken, the waiter's frame goes
    waiter->woken.store(1, std::memory_order_release);
    if (target) seL4_Signal(target);
}

void wake_all(Waiter* all) {
    while (all) {
        Waiter* next = all->next;
        wake(all);
        all = next;
    }
}

// Waits until self, queued under lock, is woken: true; or (with a deadline and a clock) until
// the deadline passes and self is taken off the queue: false. Timed waits poll the clock,
// yielding: root tasks have no timer interrupt to wake them.
bool await(Waiter& self, LockWords lock, WaitQueue queue, const timespec* deadline) {
    const bool timed = deadline && sel4::runtime::clock::available();
    while (!self.woken.load(std::memory_order_acquire)) {
        if (timed && sel4::runtime::clock::passed(*deadline)) {
            lock.lock();
            const bool removed = queue.remove(&self);
            lock.unlock();
            if (removed) return false;
            continue; // woken meanwhile: the wake-up is on its way
        }
        if (self.parker && !timed)
            seL4_Wait(self.parker, nullptr);
        else
            seL4_Yield();
    }
    return true;
}

constexpr int max_keys = PTHREAD_KEYS_MAX;
std::atomic<bool> key_used[max_keys];
thread_local const void* key_values[max_keys];

// pthread_once: one lock for all once-routines, recursive so that a routine may run another.
pthread_mutex_t once_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

} // namespace

extern "C" {

int pthread_create(pthread_t* thread, const pthread_attr_t*, void* (*start)(void*),
                   void* argument) {
    const auto* p = thread_provider();
    if (!p) return EAGAIN;
    std::uintptr_t handle = 0;
    if (const int error = p->create(p->context, start, argument, &handle)) return error;
    *thread = handle;
    return 0;
}
int pthread_join(pthread_t thread, void** result) {
    const auto* p = thread_provider();
    if (!p) return ESRCH;
    if (thread == pthread_self()) return EDEADLK;
    return p->join(p->context, thread, result);
}
int pthread_detach(pthread_t thread) {
    const auto* p = thread_provider();
    return p ? p->detach(p->context, thread) : ESRCH;
}
int pthread_cancel(pthread_t) {
    return ENOSYS;
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
    // 0: not run, 2: done (glibc's values for the states a caller may see).
    std::atomic_ref<int> state(*once);
    if (state.load(std::memory_order_acquire) == 2) return 0;
    pthread_mutex_lock(&once_lock);
    if (state.load(std::memory_order_relaxed) != 2) {
        routine();
        state.store(2, std::memory_order_release);
    }
    pthread_mutex_unlock(&once_lock);
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
int pthread_mutex_destroy(pthread_mutex_t* mutex) {
    release_notification(&mutex->state.notification);
    return 0;
}

int pthread_mutex_trylock(pthread_mutex_t* mutex) {
    const int self = current_thread_tag();
    std::atomic_ref<int> owner(mutex->state.owner);
    if (mutex->state.kind == PTHREAD_MUTEX_RECURSIVE &&
        owner.load(std::memory_order_relaxed) == self) {
        ++mutex->state.count;
        return 0;
    }
    if (!words_of(mutex).try_lock()) return EBUSY;
    owner.store(self, std::memory_order_relaxed);
    mutex->state.count = 1;
    return 0;
}

int pthread_mutex_lock(pthread_mutex_t* mutex) {
    const int self = current_thread_tag();
    std::atomic_ref<int> owner(mutex->state.owner);
    if (owner.load(std::memory_order_relaxed) == self) {
        if (mutex->state.kind == PTHREAD_MUTEX_RECURSIVE) {
            ++mutex->state.count;
            return 0;
        }
        if (mutex->state.kind == PTHREAD_MUTEX_ERRORCHECK) return EDEADLK;
    }
    words_of(mutex).lock();
    owner.store(self, std::memory_order_relaxed);
    mutex->state.count = 1;
    return 0;
}

// Timed locks poll, yielding, like timed waits; without a clock the deadline never comes.
int pthread_mutex_timedlock(pthread_mutex_t* mutex, const struct timespec* deadline) {
    if (!deadline || !sel4::runtime::clock::available()) return pthread_mutex_lock(mutex);
    for (;;) {
        const int result = pthread_mutex_trylock(mutex);
        if (result != EBUSY) return result;
        if (sel4::runtime::clock::passed(*deadline)) return ETIMEDOUT;
        seL4_Yield();
    }
}

int pthread_mutex_clocklock(pthread_mutex_t* mutex, clockid_t, const struct timespec* deadline) {
    return pthread_mutex_timedlock(mutex, deadline);
}

int pthread_mutex_unlock(pthread_mutex_t* mutex) {
    std::atomic_ref<int> owner(mutex->state.owner);
    if (owner.load(std::memory_order_relaxed) != current_thread_tag()) return EPERM;
    if (--mutex->state.count) return 0;
    owner.store(0, std::memory_order_relaxed);
    words_of(mutex).unlock();
    return 0;
}

int pthread_cond_init(pthread_cond_t* cond, const pthread_condattr_t*) {
    *cond = PTHREAD_COND_INITIALIZER;
    return 0;
}
int pthread_cond_destroy(pthread_cond_t* cond) {
    release_notification(&cond->state.notification);
    return 0;
}

int pthread_cond_signal(pthread_cond_t* cond) {
    const auto lock = words_of(cond);
    lock.lock();
    Waiter* first = queue_of(cond).pop();
    lock.unlock();
    if (first) wake(first);
    return 0;
}

int pthread_cond_broadcast(pthread_cond_t* cond) {
    const auto lock = words_of(cond);
    lock.lock();
    Waiter* all = queue_of(cond).pop_all();
    lock.unlock();
    wake_all(all);
    return 0;
}

// Waits until signalled, or (with a deadline and a clock) until the deadline passes.
static int cond_wait(pthread_cond_t* cond, pthread_mutex_t* mutex, const timespec* deadline) {
    Waiter self{nullptr, current_parker(), {0}};
    const auto lock = words_of(cond);
    lock.lock();
    queue_of(cond).push(&self);
    lock.unlock();
    pthread_mutex_unlock(mutex);
    const bool woken = await(self, lock, queue_of(cond), deadline);
    pthread_mutex_lock(mutex);
    return woken ? 0 : ETIMEDOUT;
}

int pthread_cond_wait(pthread_cond_t* cond, pthread_mutex_t* mutex) {
    return cond_wait(cond, mutex, nullptr);
}

int pthread_cond_timedwait(pthread_cond_t* cond, pthread_mutex_t* mutex,
                           const struct timespec* deadline) {
    return cond_wait(cond, mutex, deadline);
}

int pthread_cond_clockwait(pthread_cond_t* cond, pthread_mutex_t* mutex, clockid_t,
                           const struct timespec* deadline) {
    return cond_wait(cond, mutex, deadline);
}
}

// Read-write locks: a count of holders (-1: a writer) under the lock words, and a queue of
// threads waiting for it, all woken when it is free again to try once more. Readers come
// first (glibc's default): a reader holding it may take it again while a writer waits.
namespace {
LockWords words_of(pthread_rwlock_t* rwlock) {
    return {&rwlock->state.lock, &rwlock->state.notification};
}

int rwlock_take(pthread_rwlock_t* rwlock, bool writer, bool block, const timespec* deadline) {
    const auto lock = words_of(rwlock);
    int& holders = rwlock->state.holders;
    for (;;) {
        lock.lock();
        if (writer ? holders == 0 : holders >= 0) {
            holders = writer ? -1 : holders + 1;
            lock.unlock();
            return 0;
        }
        if (!block) {
            lock.unlock();
            return EBUSY;
        }
        Waiter self{nullptr, current_parker(), {0}};
        queue_of(rwlock).push(&self);
        lock.unlock();
        if (!await(self, lock, queue_of(rwlock), deadline)) return ETIMEDOUT;
    }
}
} // namespace

extern "C" {
int pthread_rwlockattr_init(pthread_rwlockattr_t*) {
    return 0;
}
int pthread_rwlockattr_destroy(pthread_rwlockattr_t*) {
    return 0;
}
int pthread_rwlock_init(pthread_rwlock_t* rwlock, const pthread_rwlockattr_t*) {
    *rwlock = PTHREAD_RWLOCK_INITIALIZER;
    return 0;
}
int pthread_rwlock_destroy(pthread_rwlock_t* rwlock) {
    release_notification(&rwlock->state.notification);
    return 0;
}
int pthread_rwlock_rdlock(pthread_rwlock_t* rwlock) {
    return rwlock_take(rwlock, false, true, nullptr);
}
int pthread_rwlock_tryrdlock(pthread_rwlock_t* rwlock) {
    return rwlock_take(rwlock, false, false, nullptr);
}
int pthread_rwlock_timedrdlock(pthread_rwlock_t* rwlock, const struct timespec* deadline) {
    return rwlock_take(rwlock, false, true, deadline);
}
int pthread_rwlock_clockrdlock(pthread_rwlock_t* rwlock, clockid_t,
                               const struct timespec* deadline) {
    return rwlock_take(rwlock, false, true, deadline);
}
int pthread_rwlock_wrlock(pthread_rwlock_t* rwlock) {
    return rwlock_take(rwlock, true, true, nullptr);
}
int pthread_rwlock_trywrlock(pthread_rwlock_t* rwlock) {
    return rwlock_take(rwlock, true, false, nullptr);
}
int pthread_rwlock_timedwrlock(pthread_rwlock_t* rwlock, const struct timespec* deadline) {
    return rwlock_take(rwlock, true, true, deadline);
}
int pthread_rwlock_clockwrlock(pthread_rwlock_t* rwlock, clockid_t,
                               const struct timespec* deadline) {
    return rwlock_take(rwlock, true, true, deadline);
}
int pthread_rwlock_unlock(pthread_rwlock_t* rwlock) {
    const auto lock = words_of(rwlock);
    int& holders = rwlock->state.holders;
    lock.lock();
    if (holders == 0) {
        lock.unlock();
        return EPERM;
    }
    holders = holders > 0 ? holders - 1 : 0;
    Waiter* all = holders == 0 ? queue_of(rwlock).pop_all() : nullptr;
    lock.unlock();
    wake_all(all);
    return 0;
}
}

// POSIX semaphores (the toolchain's <semaphore.h> shim): a count under a mutex.
extern "C" {
int sem_init(sem_t* semaphore, int, unsigned value) {
    pthread_mutex_init(&semaphore->mutex, nullptr);
    pthread_cond_init(&semaphore->available, nullptr);
    semaphore->value = value;
    return 0;
}
int sem_destroy(sem_t* semaphore) {
    pthread_cond_destroy(&semaphore->available);
    pthread_mutex_destroy(&semaphore->mutex);
    return 0;
}
static int sem_take(sem_t* semaphore, const timespec* deadline, bool block) {
    pthread_mutex_lock(&semaphore->mutex);
    int result = 0;
    while (!semaphore->value && block && result == 0)
        result = cond_wait(&semaphore->available, &semaphore->mutex, deadline);
    if (semaphore->value) {
        --semaphore->value;
        result = 0;
    } else if (!block) {
        result = EAGAIN;
    }
    pthread_mutex_unlock(&semaphore->mutex);
    if (result) errno = result;
    return result ? -1 : 0;
}
int sem_wait(sem_t* semaphore) {
    return sem_take(semaphore, nullptr, true);
}
int sem_trywait(sem_t* semaphore) {
    return sem_take(semaphore, nullptr, false);
}
int sem_timedwait(sem_t* semaphore, const struct timespec* deadline) {
    return sem_take(semaphore, deadline, true);
}
int sem_post(sem_t* semaphore) {
    pthread_mutex_lock(&semaphore->mutex);
    ++semaphore->value;
    pthread_mutex_unlock(&semaphore->mutex);
    pthread_cond_signal(&semaphore->available);
    return 0;
}
int sem_getvalue(sem_t* semaphore, int* value) {
    *value = static_cast<int>(semaphore->value);
    return 0;
}
}
