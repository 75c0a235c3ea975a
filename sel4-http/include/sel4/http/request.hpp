// HTTP/1.1 request heads (RFC 9112): the request line, the header fields the server acts on, and
// the request target decoded into a path that cannot leave the site's root. Everything the
// parser refuses comes back as the status to answer with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace sel4::http {

enum class Status : std::uint16_t {
    ok = 200,
    moved_permanently = 301,
    bad_request = 400,
    not_found = 404,
    method_not_allowed = 405,
    request_timeout = 408,
    content_too_large = 413,
    uri_too_long = 414,
    header_fields_too_large = 431,
    internal_server_error = 500,
    not_implemented = 501,
    service_unavailable = 503,
    version_not_supported = 505,
};

std::string_view reason(Status status);

enum class Method { get, head };

struct Request {
    Method method = Method::get;
    std::string path; // decoded, '/'-separated, no empty, "." or ".." segment; "/" at least
    bool trailing_slash = false;
    std::string raw_path; // the target's path as sent (before '?'), for redirects
    std::string query;    // after '?', as sent; empty if none
    bool keep_alive = true;
};

// A request the server refuses, and whether the connection can carry on after the answer.
struct Refusal {
    Status status;
    bool close = true;
};

struct ParserLimits {
    std::size_t max_target = 2048;
    std::size_t max_fields = 64;
};

// Parses one complete head: everything up to and including the empty line.
std::variant<Request, Refusal> parse_request(std::string_view head,
                                             const ParserLimits& limits = {});

// Decodes an origin-form target's path: percent-decoding, then segment checks. Returns nullopt
// for anything that is not a plain path under the root.
std::optional<std::string> decode_path(std::string_view raw_path);

// The MIME type for a file name, by its extension; application/octet-stream when unknown.
std::string_view mime_type(std::string_view path);

} // namespace sel4::http
