/* lwIP's platform definitions for seL4 C++ (picolibc or newlib, little-endian targets). */
#ifndef SEL4_LWIP_ARCH_CC_H
#define SEL4_LWIP_ARCH_CC_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

/* ssize_t comes from sys/types.h; lwIP looks for SSIZE_MAX to know. */
#ifndef SSIZE_MAX
#define SSIZE_MAX LONG_MAX
#endif

#define LWIP_PLATFORM_DIAG(message)                                                              \
    do {                                                                                         \
        printf message;                                                                          \
    } while (0)
#define LWIP_PLATFORM_ASSERT(message)                                                            \
    do {                                                                                         \
        printf("lwip: assertion \"%s\" failed at %s:%d\n", message, __FILE__, __LINE__);       \
        abort();                                                                                 \
    } while (0)

#endif
