/* libstdc++ as Debian builds it waits on futexes through syscall(SYS_futex, ...) in
 * std::atomic::wait and friends; the runtime answers that call (see cxx_support.cpp). */
#pragma once
#ifndef SYS_futex
#define SYS_futex 98
#endif
#ifdef __cplusplus
extern "C"
#endif
    long
    syscall(long number, ...);
