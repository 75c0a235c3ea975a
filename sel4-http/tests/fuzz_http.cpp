// libFuzzer target: hostile bytes on a connection. The first byte sets the size of the pieces the
// rest arrives in; between pieces the server's answer is pulled in pieces as well. The parser
// and the path decoder also get the input whole, and a decoded path must stay under the root.
#include <sel4/http/server.hpp>

#include <cstdlib>

#include "memory_site.hpp"

using namespace sel4::http;

namespace {

void check_path(std::string_view raw) {
    auto path = decode_path(raw);
    if (!path) return;
    if (path->empty() || path->front() != '/' || path->find("/../") != std::string::npos ||
        path->find("/./") != std::string::npos || path->find('\\') != std::string::npos ||
        path->find('\0') != std::string::npos || path->ends_with("/..") || path->ends_with("/."))
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
    check_path(input);
    auto parsed = parse_request(input);
    if (auto* request = std::get_if<Request>(&parsed)) check_path(request->path);

    static testing::MemorySite site = [] {
        testing::MemorySite s;
        s.add("/index.html", "<h1>home</h1>");
        s.add("/sub/index.html", std::string(5000, 'x'));
        s.add("/a b.txt", "space");
        return s;
    }();
    site.pending_lookups = data[0] & 1;
    site.pending_reads = data[0] & 2;
    Limits limits;
    limits.max_connections = 2;
    limits.max_head = 512;
    Server server(site, limits);
    const auto id = server.accept(0);
    const std::size_t piece = 1 + data[0] % 61;
    std::byte out[97];
    std::uint64_t now = 0;
    for (std::size_t at = 0; at < input.size() && !server.should_close(*id);) {
        const std::size_t n = std::min(piece, input.size() - at);
        at += server.receive(*id, std::as_bytes(std::span(input.data() + at, n)), ++now);
        server.storage_ready();
        while (server.pull(*id, out, now) > 0) {
        }
    }
    server.peer_closed(*id);
    for (int i = 0; i < 1000 && server.pull(*id, out, now) > 0; ++i) {
    }
    (void)server.expired(now + 100000);
    server.closed(*id);
    if (server.stats().open != 0 || site.open_handles != 0)
        std::abort(); // a connection or a file left behind
    return 0;
}
