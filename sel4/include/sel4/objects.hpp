// Capability types that the generated headers may not declare on every configuration.
#pragma once

#include <sel4/cap.hpp>

namespace sel4 {

namespace tag {
struct VSpace; // the root of an address space, whatever the architecture calls it
struct SchedContext;
struct Reply;
struct Page;
struct SchedControl;
} // namespace tag

namespace cap {
using VSpace = Cap<tag::VSpace>;             // the root of an address space
using SchedContext = Cap<tag::SchedContext>; // a scheduling context (MCS)
using Reply = Cap<tag::Reply>;               // a reply object (MCS)
using Page = Cap<tag::Page>;                 // a frame of any size
} // namespace cap

} // namespace sel4
