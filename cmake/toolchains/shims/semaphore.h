/* POSIX semaphores over the runtime's mutexes and condition variables (pthread.cpp). libstdc++'s
 * <semaphore> includes this header; std::counting_semaphore itself uses atomic waits. */
#ifndef SEL4_CPP_SEMAPHORE_H
#define SEL4_CPP_SEMAPHORE_H

#include <pthread.h>
#include <time.h>

#define SEM_VALUE_MAX 0x7fffffff

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    pthread_mutex_t mutex;
    pthread_cond_t available;
    unsigned value;
} sem_t;

int sem_init(sem_t*, int, unsigned);
int sem_destroy(sem_t*);
int sem_wait(sem_t*);
int sem_trywait(sem_t*);
int sem_timedwait(sem_t*, const struct timespec*);
int sem_post(sem_t*);
int sem_getvalue(sem_t*, int*);

#ifdef __cplusplus
}
#endif

#endif
