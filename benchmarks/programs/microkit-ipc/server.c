/* The C client's server, on libmicrokit: as server.cpp. */
#include <microkit.h>

void init(void) {}

microkit_msginfo protected(microkit_channel ch, microkit_msginfo msginfo) {
    (void)ch, (void)msginfo;
    return microkit_msginfo_new(0, 0);
}

void notified(microkit_channel ch) {
    microkit_notify(ch);
}
