/* aarch32: the TLS block follows an 8-byte TCB at the thread pointer (TPIDRURO), which only the
 * kernel can write. */
#include <sel4/sel4.h>

extern char minimal_c_tls[64];

void minimal_c_set_tls(void) {
    seL4_SetTLSBase((seL4_Word)minimal_c_tls);
}
