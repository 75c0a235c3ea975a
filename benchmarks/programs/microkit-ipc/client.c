/* The same round trips as client.cpp, in C on the SDK's libmicrokit: a repetition starts when
 * the C++ client hands over (channel 1) and hands back when done. */
#include <microkit.h>

#define ROUNDS 4000
#define SERVER 0
#define CPP_CLIENT 1

static long notifications;

void init(void) {}

void notified(microkit_channel ch) {
    if (ch == SERVER) {
        if (++notifications < ROUNDS) {
            microkit_notify(SERVER);
            return;
        }
        microkit_dbg_puts("microkit-ipc: end\n");
        microkit_notify(CPP_CLIENT);
        return;
    }
    microkit_dbg_puts("microkit-ipc: begin ppcall c\n");
    for (long i = 0; i < ROUNDS; ++i)
        (void)microkit_ppcall(SERVER, microkit_msginfo_new(0, 0));
    microkit_dbg_puts("microkit-ipc: end\n");
    microkit_dbg_puts("microkit-ipc: begin notify c\n");
    notifications = 0;
    microkit_notify(SERVER);
}
