/* Debian's libstdc++ is configured for glibc: its headers include <features.h> first and
 * expect a few glibc declarations. The C libraries we use have <sys/features.h> instead; this
 * file adds what libstdc++'s headers refer to (the runtime defines the functions). */
#pragma once
#include <sys/features.h>
#ifndef __GLIBC_PREREQ
#define __GLIBC_PREREQ(major, minor) 0
#endif

/* The ctype classification bits of libstdc++'s ctype_base (glibc's values). */
enum {
    _ISupper = 0x100,
    _ISlower = 0x200,
    _ISalpha = 0x400,
    _ISdigit = 0x800,
    _ISxdigit = 0x1000,
    _ISspace = 0x2000,
    _ISprint = 0x4000,
    _ISgraph = 0x8000,
    _ISblank = 0x1,
    _IScntrl = 0x2,
    _ISpunct = 0x4,
    _ISalnum = 0x8,
};

#ifdef __cplusplus
extern "C" {
#endif
struct timespec;
int timespec_get(struct timespec*, int);
/* The runtime's clock (clock.cpp), which libstdc++'s <thread> and <chrono> call. */
int nanosleep(const struct timespec*, struct timespec*);
#ifdef __cplusplus
}
#endif
