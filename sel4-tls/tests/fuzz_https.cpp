// libFuzzer target: hostile bytes on an HTTPS connection, in pieces whose size the first byte
// sets, with the answer pulled in pieces between them. The session may fail, never the server:
// afterwards its connection is released and nothing stays open.
#include <sel4/tls/session.hpp>

#include <cstdlib>
#include <cstring>

#include "memory_site.hpp"

extern "C" const char sel4_https_certificate[];
extern "C" const char sel4_https_key[];

namespace {

int counter_entropy(void*, unsigned char* out, std::size_t length) {
    static unsigned char next = 0;
    for (std::size_t i = 0; i < length; ++i)
        out[i] = next++; // deterministic: the fuzzer must be repeatable
    return 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static sel4::tls::Context context(sel4_https_certificate, sel4_https_key, counter_entropy,
                                      nullptr);
    static sel4::http::testing::MemorySite site = [] {
        sel4::http::testing::MemorySite s;
        s.add("/index.html", "<h1>home</h1>");
        return s;
    }();
    if (!context.ok()) std::abort();
    sel4::http::Server server(site);
    {
        sel4::tls::HttpsStream stream(context, server, *server.accept(0));
        const std::size_t piece = 1 + data[0] % 97;
        std::byte out[300];
        for (std::size_t at = 1; at < size && !stream.should_close();) {
            const std::size_t n = std::min(piece, size - at);
            at +=
                std::max<std::size_t>(1, stream.receive(std::as_bytes(std::span(data + at, n)), 0));
            while (stream.pull(out, 0) > 0) {
            }
        }
        stream.peer_closed();
        server.closed(stream.id());
    }
    if (server.stats().open != 0 || site.open_handles != 0) std::abort();
    return 0;
}
