/* The C equivalent of minimal-pd, on the SDK's own libmicrokit: it starts the exchange, and
 * handles the answer. */
#include <microkit.h>

void init(void) {
    microkit_notify(0);
}

void notified(microkit_channel ch) {
    (void)ch;
    microkit_dbg_puts("minimal-pd-c: notified\n");
}
