/* The same round trips as client.cpp, in C on the SDK's libmicrokit: a repetition starts when
 * the C++ client hands over (channel 1) and hands back when done. Where the kernel exports the
 * counter to user level (the SDK's aarch64 kernel: the physical count), each loop's time in
 * nanoseconds is printed too, as client.cpp's runtime clock does. */
#include <stdint.h>

#include <microkit.h>

#define ROUNDS 4000
#define SERVER 0
#define CPP_CLIENT 1

static long notifications;
static uint64_t start;

#if defined(__aarch64__) && defined(CONFIG_EXPORT_PCNT_USER)
static uint64_t nanoseconds(void) {
    uint64_t ticks, hertz;
    __asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(ticks));
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(hertz));
    return ticks / hertz * 1000000000u + ticks % hertz * 1000000000u / hertz;
}

static void report_clock(const char* kind) {
    uint64_t elapsed = nanoseconds() - start;
    char digits[24];
    int n = 0;
    do
        digits[n++] = (char)('0' + elapsed % 10);
    while ((elapsed /= 10) != 0);
    microkit_dbg_puts("microkit-ipc: clock ");
    microkit_dbg_puts(kind);
    microkit_dbg_putc(' ');
    while (n > 0)
        microkit_dbg_putc(digits[--n]);
    microkit_dbg_putc('\n');
}
#else
static uint64_t nanoseconds(void) {
    return 0;
}
static void report_clock(const char* kind) {
    (void)kind;
}
#endif

void init(void) {}

void notified(microkit_channel ch) {
    if (ch == SERVER) {
        if (++notifications < ROUNDS) {
            microkit_notify(SERVER);
            return;
        }
        report_clock("notify c");
        microkit_dbg_puts("microkit-ipc: end\n");
        microkit_notify(CPP_CLIENT);
        return;
    }
    microkit_dbg_puts("microkit-ipc: begin ppcall c\n");
    start = nanoseconds();
    for (long i = 0; i < ROUNDS; ++i)
        (void)microkit_ppcall(SERVER, microkit_msginfo_new(0, 0));
    report_clock("ppcall c");
    microkit_dbg_puts("microkit-ipc: end\n");
    microkit_dbg_puts("microkit-ipc: begin notify c\n");
    notifications = 0;
    start = nanoseconds();
    microkit_notify(SERVER);
}
