/* The capability slots the Microkit tool (2.0-2.2) gives every protection domain, defined once
 * for the C API (microkit.h) and the C++ API (sel4::microkit::slot). */
#ifndef SEL4_CPP_MICROKIT_SLOTS_H
#define SEL4_CPP_MICROKIT_SLOTS_H

#define INPUT_CAP 1
#define FAULT_EP_CAP 2
#define VSPACE_CAP 3
#define REPLY_CAP 4
#define MONITOR_EP 5
#define TCB_CAP 6
#define ARM_SMC_CAP 7
#define BASE_OUTPUT_NOTIFICATION_CAP 10
#define BASE_ENDPOINT_CAP 74
#define BASE_IRQ_CAP 138
#define BASE_TCB_CAP 202
#define BASE_VM_TCB_CAP 266
#define BASE_VCPU_CAP 330

#define MICROKIT_MAX_CHANNELS 62

#endif
