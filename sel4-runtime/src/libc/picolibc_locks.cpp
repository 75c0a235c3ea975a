// picolibc's retargetable locks (malloc, stdio, ...), as recursive POSIX mutexes: once the
// program has threads, the C library's state is guarded. Defining every symbol of picolibc's
// libc_misc_lock.c keeps its no-op versions out of the link.
#include <pthread.h>

struct __lock {
    pthread_mutex_t mutex;
};

extern "C" {

struct __lock __lock___libc_recursive_mutex = {PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP};

// Locks the C library creates at run time all share one recursive lock: simple and safe.
void __retarget_lock_init(struct __lock** lock) {
    *lock = &__lock___libc_recursive_mutex;
}
void __retarget_lock_init_recursive(struct __lock** lock) {
    *lock = &__lock___libc_recursive_mutex;
}
void __retarget_lock_close(struct __lock*) {}
void __retarget_lock_close_recursive(struct __lock*) {}
void __retarget_lock_acquire(struct __lock* lock) {
    if (lock) pthread_mutex_lock(&lock->mutex);
}
void __retarget_lock_acquire_recursive(struct __lock* lock) {
    if (lock) pthread_mutex_lock(&lock->mutex);
}
int __retarget_lock_try_acquire(struct __lock* lock) {
    return lock ? pthread_mutex_trylock(&lock->mutex) == 0 : 1;
}
int __retarget_lock_try_acquire_recursive(struct __lock* lock) {
    return lock ? pthread_mutex_trylock(&lock->mutex) == 0 : 1;
}
void __retarget_lock_release(struct __lock* lock) {
    if (lock) pthread_mutex_unlock(&lock->mutex);
}
void __retarget_lock_release_recursive(struct __lock* lock) {
    if (lock) pthread_mutex_unlock(&lock->mutex);
}
}
