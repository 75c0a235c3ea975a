/* glibc's processor count, which libstdc++'s std::thread::hardware_concurrency calls (the
 * runtime answers with the kernel's number of cores, clock.cpp). */
#ifndef SEL4_CPP_SYS_SYSINFO_H
#define SEL4_CPP_SYS_SYSINFO_H
#ifdef __cplusplus
extern "C"
#endif
    int
    get_nprocs(void);
#endif
