/* A C protection domain written against libmicrokit's API: answers each notification with a
 * deferred notification. */
#include <microkit.h>

void init(void) {
    microkit_dbg_puts("echo_c: hello from C, PD ");
    microkit_dbg_puts(microkit_name);
    microkit_dbg_puts("\n");
}

void notified(microkit_channel ch) {
    microkit_dbg_puts("echo_c: notified on channel ");
    microkit_dbg_put32(ch);
    microkit_dbg_puts("\n");
    microkit_deferred_notify(ch);
}
