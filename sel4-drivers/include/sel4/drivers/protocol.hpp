// How clients talk to this SDK's driver PDs, besides the shared queues.
//   timer (sDDF's protocol):  sel4/rings/timer.hpp
//   network driver:  protected call label 0 -> MR0 = the MAC address (byte 0 in bits 0..7)
//   entropy driver:  protected call label 0, MR0 = bytes wanted (at most 64) ->
//                    MR0 = bytes given (fewer when its pool runs dry), MR1.. the bytes
#pragma once

#include <cstdint>

namespace sel4::drivers {

namespace net_protocol {
inline constexpr std::uint64_t get_mac = 0;
}

namespace rng_protocol {
inline constexpr std::uint64_t get_random = 0;
inline constexpr unsigned max_bytes = 64;
} // namespace rng_protocol

} // namespace sel4::drivers
