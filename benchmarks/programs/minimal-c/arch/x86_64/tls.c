/* x86_64: the TLS block lies below the thread pointer (the FS base), which the kernel sets. */
#include <sel4/sel4.h>

extern char minimal_c_tls[64];

void minimal_c_set_tls(void) {
    seL4_SetTLSBase((seL4_Word)(minimal_c_tls + 32));
}
