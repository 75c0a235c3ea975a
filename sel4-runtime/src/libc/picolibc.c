/* picolibc's stdio: the application provides stdin/stdout/stderr; all go to the kernel's
 * debug console. */
#include <stdio.h>

void sel4_runtime_debug_put_char(char c);

static int debug_put(char c, FILE* stream) {
    (void)stream;
    sel4_runtime_debug_put_char(c);
    return (unsigned char)c;
}

static int no_input(FILE* stream) {
    (void)stream;
    return EOF;
}

static FILE debug_console = FDEV_SETUP_STREAM(debug_put, no_input, NULL, _FDEV_SETUP_RW);

FILE* const stdin = &debug_console;
FILE* const stdout = &debug_console;
FILE* const stderr = &debug_console;
