// Every kind of kernel object this kernel has: the portable ones, the MCS ones, the
// architecture's (arch/<arch>/include/sel4/arch/object_types.hpp).
#pragma once

#include <sel4/arch/object_types.hpp>
#include <sel4/object_kind.hpp>

namespace sel4::object {

// The kinds every architecture has (MCS kernels add scheduling contexts and replies).
inline constexpr Kind portable_types[] = {
    {seL4_UntypedObject, 12, "untyped"},
    {seL4_TCBObject, 0, "tcb"},
    {seL4_EndpointObject, 0, "endpoint"},
    {seL4_NotificationObject, 0, "notification"},
    {seL4_CapTableObject, 4, "cnode"},
#ifdef CONFIG_KERNEL_MCS
    {seL4_SchedContextObject, seL4_MinSchedContextBits, "scheduling context"},
    {seL4_ReplyObject, 0, "reply"},
#endif
};

// The architecture's kinds.
inline constexpr const auto& arch_types = arch::object_types;

} // namespace sel4::object
