/* The hand-written C equivalent of benchmarks/programs/minimal: libsel4 only, its own _start
 * (arch/<arch>/start.S) with a 4 KiB stack and the thread pointer on a static TLS block (libsel4
 * keeps the IPC buffer pointer in a thread-local), the IPC buffer set, one line on the debug
 * console, then the thread suspends itself, as the C++ root task does. */
#include <sel4/sel4.h>

_Alignas(16) char minimal_c_stack[4096];
/* The TLS block of this image: __sel4_ipc_buffer alone, after the TCB where the arch has one. */
_Alignas(16) char minimal_c_tls[64];
__thread seL4_IPCBuffer* __sel4_ipc_buffer;

void minimal_c_main(seL4_BootInfo* bootinfo) {
    seL4_SetIPCBuffer(bootinfo->ipcBuffer);
    for (const char* c = "minimal-c: hello\n"; *c; ++c)
        seL4_DebugPutChar(*c);
    for (;;)
        seL4_TCB_Suspend(seL4_CapInitThreadTCB);
}
