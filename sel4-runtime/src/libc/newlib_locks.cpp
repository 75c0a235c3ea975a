// newlib's malloc lock, as a recursive POSIX mutex: once the program has threads, the heap is
// guarded.
#include <pthread.h>

namespace {
pthread_mutex_t malloc_mutex = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
}

extern "C" {
struct _reent;
void __malloc_lock(struct _reent*) {
    pthread_mutex_lock(&malloc_mutex);
}
void __malloc_unlock(struct _reent*) {
    pthread_mutex_unlock(&malloc_mutex);
}
}
