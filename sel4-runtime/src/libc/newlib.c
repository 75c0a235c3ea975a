/* newlib's system calls (it is built with MISSING_SYSCALL_NAMES: no leading underscores):
 * output goes to the kernel's debug console, there is no input and no file system. */
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <sys/stat.h>

void sel4_runtime_debug_put_char(char c);

int write(int fd, const void* buffer, size_t length) {
    (void)fd;
    for (size_t i = 0; i < length; ++i)
        sel4_runtime_debug_put_char(((const char*)buffer)[i]);
    return (int)length;
}

int read(int fd, void* buffer, size_t length) {
    (void)fd, (void)buffer, (void)length;
    return 0;
}

int close(int fd) {
    (void)fd;
    return 0;
}

int isatty(int fd) {
    (void)fd;
    return 1;
}

int fstat(int fd, struct stat* status) {
    (void)fd;
    status->st_mode = S_IFCHR;
    return 0;
}

long lseek(int fd, long offset, int whence) {
    (void)fd, (void)offset, (void)whence;
    errno = ESPIPE;
    return -1;
}

int getpid(void) {
    return 1;
}

int kill(int pid, int signal) {
    (void)pid, (void)signal;
    errno = EINVAL;
    return -1;
}

/* libstdc++ (built for glibc) refers to a global stderr; newlib's is per-reentrancy struct.
 * This newlib is _REENT_SMALL: the initial reentrancy struct's stderr is the placeholder below,
 * which stdio resolves to the real stream on first use. A static value, not a constructor:
 * images that never use stderr pay nothing. */
#undef stderr
extern const struct __sFILE_fake __sf_fake_stderr;
FILE* stderr = (FILE*)&__sf_fake_stderr;

/* newlib's own code allocates through the reentrant forms: the runtime's heap serves them. */
struct _reent;
void* malloc(size_t size);
void free(void* pointer);
void* calloc(size_t count, size_t size);
void* realloc(void* pointer, size_t size);
void* memalign(size_t align, size_t size);
size_t malloc_usable_size(void* pointer);

void* _malloc_r(struct _reent* reent, size_t size) {
    (void)reent;
    return malloc(size);
}
void _free_r(struct _reent* reent, void* pointer) {
    (void)reent;
    free(pointer);
}
void* _calloc_r(struct _reent* reent, size_t count, size_t size) {
    (void)reent;
    return calloc(count, size);
}
void* _realloc_r(struct _reent* reent, void* pointer, size_t size) {
    (void)reent;
    return realloc(pointer, size);
}
void* _memalign_r(struct _reent* reent, size_t align, size_t size) {
    (void)reent;
    return memalign(align, size);
}
size_t _malloc_usable_size_r(struct _reent* reent, void* pointer) {
    (void)reent;
    return malloc_usable_size(pointer);
}

struct mallinfo _mallinfo_r(struct _reent* reent) {
    (void)reent;
    return mallinfo();
}
