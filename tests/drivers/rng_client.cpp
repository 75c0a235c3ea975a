// Entropy test client: two reads of 32 bytes from the virtio-rng driver must differ (and not be
// all zeros).
#include <array>
#include <cstdio>
#include <cstring>

#include <sel4/drivers/clients.hpp>
#include <sel4/microkit.hpp>

using namespace sel4::microkit;

namespace {
constexpr sel4::drivers::RngClient rng{Channel{0}};

// The pool fills when the device answers: ask again until it has enough (bounded).
bool read_all(std::span<std::byte> out) {
    std::size_t done = 0;
    for (int attempt = 0; attempt < 1'000'000 && done < out.size(); ++attempt)
        done += rng.read(out.subspan(done));
    return done == out.size();
}

void print(const char* what, std::span<const std::byte> bytes) {
    std::printf("rng-client: %s ", what);
    for (auto b : bytes)
        std::printf("%02x", static_cast<unsigned>(b));
    std::printf("\n");
}
} // namespace

class RngClient : public ProtectionDomain {
    void init() override {
        std::array<std::byte, 32> a{}, b{}, zero{};
        if (!read_all(a) || !read_all(b)) {
            std::printf("rng-client: FAILED: the driver gave no random bytes\n");
            return;
        }
        print("first ", a);
        print("second", b);
        if (a == b || a == zero || b == zero) {
            std::printf("rng-client: FAILED: the two reads do not differ\n");
            return;
        }
        std::printf("rng-client: all passed\n");
    }
};

SEL4_MICROKIT_PD(RngClient)
