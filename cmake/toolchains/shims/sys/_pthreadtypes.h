/* POSIX thread types with glibc's sizes for this architecture: Debian's libstdc++ was compiled
 * against glibc, and its objects embed these types. Replaces the C library's own (newlib's
 * are 4-byte handles; picolibc has none). The runtime implements the functions (pthread.cpp). */
#ifndef SEL4_CPP_PTHREADTYPES_H
#define SEL4_CPP_PTHREADTYPES_H
#define _SYS__PTHREADTYPES_H_ /* newlib's guard: keep its version out */

#if defined(__aarch64__)
#define SEL4_CPP_SIZEOF_MUTEX 48
#define SEL4_CPP_SIZEOF_ATTR 64
#define SEL4_CPP_SIZEOF_SMALL_ATTR 8
#define SEL4_CPP_SIZEOF_RWLOCK 56
#elif defined(__arm__) || (defined(__riscv) && __riscv_xlen == 32) /* glibc's 32-bit sizes */
#define SEL4_CPP_SIZEOF_MUTEX 24
#define SEL4_CPP_SIZEOF_ATTR 36
#define SEL4_CPP_SIZEOF_SMALL_ATTR 4
#define SEL4_CPP_SIZEOF_RWLOCK 32
#else /* x86_64, riscv64 */
#define SEL4_CPP_SIZEOF_MUTEX 40
#define SEL4_CPP_SIZEOF_ATTR 56
#define SEL4_CPP_SIZEOF_SMALL_ATTR 4
#define SEL4_CPP_SIZEOF_RWLOCK 56
#endif

typedef unsigned long pthread_t;
typedef unsigned int pthread_key_t;
typedef int pthread_once_t;
typedef union {
    char size[SEL4_CPP_SIZEOF_ATTR];
    long align;
} pthread_attr_t;
typedef union {
    struct {
        int lock;
        unsigned count;
        int owner;
        unsigned users;
        int kind; /* at glibc's offset: its recursive initializer sets it */
        unsigned long notification; /* to block on when contended (0 until then) */
    } state;
    char size[SEL4_CPP_SIZEOF_MUTEX];
    long align;
} pthread_mutex_t;
typedef union {
    char size[SEL4_CPP_SIZEOF_SMALL_ATTR];
    int kind;
} pthread_mutexattr_t;
typedef union {
    struct {
        int lock; /* the lock over the queue of waiters */
        unsigned handovers;
        unsigned long notification;
        void* head; /* waiters, first to wake first */
        void* tail;
    } state;
    char size[48];
    long long align;
} pthread_cond_t;
typedef union {
    char size[SEL4_CPP_SIZEOF_SMALL_ATTR];
    int align;
} pthread_condattr_t;
typedef union {
    struct {
        int lock; /* the lock over the rest, as in pthread_cond_t */
        unsigned handovers;
        unsigned long notification;
        int holders; /* readers holding it, or -1: a writer */
        void* head;  /* threads waiting for it */
        void* tail;
    } state;
    char size[SEL4_CPP_SIZEOF_RWLOCK];
    long align;
} pthread_rwlock_t;
typedef union {
    char size[8];
    long align;
} pthread_rwlockattr_t;
typedef volatile int pthread_spinlock_t;

#endif
