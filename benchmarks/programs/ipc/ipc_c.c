/* The libsel4 C side of the IPC benchmark: the same loops as the C++ side, in plain C. */
#include <sel4/sel4.h>

void ipc_c_call_server(seL4_CPtr endpoint) {
    seL4_Word badge;
    seL4_Recv(endpoint, &badge);
    for (;;)
        seL4_ReplyRecv(endpoint, seL4_MessageInfo_new(0, 0, 0, 1), &badge);
}

void ipc_c_signal_server(seL4_CPtr ping, seL4_CPtr pong) {
    seL4_Word badge;
    for (;;) {
        seL4_Wait(ping, &badge);
        seL4_Signal(pong);
    }
}

void ipc_c_calls(seL4_CPtr endpoint, long rounds) {
    for (long i = 0; i < rounds; ++i) {
        seL4_SetMR(0, (seL4_Word)i);
        seL4_Call(endpoint, seL4_MessageInfo_new(0, 0, 0, 1));
    }
}

void ipc_c_signals(seL4_CPtr ping, seL4_CPtr pong, long rounds) {
    seL4_Word badge;
    for (long i = 0; i < rounds; ++i) {
        seL4_Signal(ping);
        seL4_Wait(pong, &badge);
    }
}
