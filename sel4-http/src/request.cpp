// Request line, header fields and target decoding.
#include <sel4/http/request.hpp>

#include <algorithm>
#include <array>

namespace sel4::http {

namespace {

bool is_tchar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_tchar);
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Calls f with each comma-separated element of a list-valued field.
template <class F>
void for_each_element(std::string_view value, F&& f) {
    while (!value.empty()) {
        const std::size_t comma = value.find(',');
        f(trim(value.substr(0, comma)));
        if (comma == std::string_view::npos) break;
        value.remove_prefix(comma + 1);
    }
}

} // namespace

std::string_view reason(Status status) {
    switch (status) {
    case Status::ok:
        return "OK";
    case Status::moved_permanently:
        return "Moved Permanently";
    case Status::bad_request:
        return "Bad Request";
    case Status::not_found:
        return "Not Found";
    case Status::method_not_allowed:
        return "Method Not Allowed";
    case Status::request_timeout:
        return "Request Timeout";
    case Status::content_too_large:
        return "Content Too Large";
    case Status::uri_too_long:
        return "URI Too Long";
    case Status::header_fields_too_large:
        return "Request Header Fields Too Large";
    case Status::internal_server_error:
        return "Internal Server Error";
    case Status::not_implemented:
        return "Not Implemented";
    case Status::service_unavailable:
        return "Service Unavailable";
    case Status::version_not_supported:
        return "HTTP Version Not Supported";
    }
    return "Unknown";
}

std::optional<std::string> decode_path(std::string_view raw) {
    if (raw.empty() || raw.front() != '/') return std::nullopt;
    std::string decoded;
    decoded.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '%') {
            if (i + 2 >= raw.size()) return std::nullopt;
            const int high = hex(raw[i + 1]), low = hex(raw[i + 2]);
            if (high < 0 || low < 0) return std::nullopt;
            c = static_cast<char>(high << 4 | low);
            i += 2;
        }
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f || c == '\\')
            return std::nullopt; // control characters, and the other separator some systems know
        decoded += c;
    }
    // Segments are checked after decoding, so "%2e%2e" and "%2F" are caught as well.
    std::string path;
    std::string_view rest = decoded;
    while (!rest.empty()) {
        const std::size_t slash = rest.find('/');
        const std::string_view segment = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
        if (segment.empty()) continue;
        if (segment == "." || segment == "..") return std::nullopt;
        path += '/';
        path += segment;
    }
    if (path.empty()) path.assign(1, '/');
    return path;
}

std::variant<Request, Refusal> parse_request(std::string_view head, const ParserLimits& limits) {
    const auto bad = Refusal{Status::bad_request, true};
    // The request line.
    const std::size_t line_end = head.find("\r\n");
    if (line_end == std::string_view::npos) return bad;
    const std::string_view line = head.substr(0, line_end);
    const std::size_t first_space = line.find(' ');
    const std::size_t last_space = line.rfind(' ');
    if (first_space == std::string_view::npos || first_space == last_space) return bad;
    const std::string_view method = line.substr(0, first_space);
    const std::string_view target = line.substr(first_space + 1, last_space - first_space - 1);
    const std::string_view version = line.substr(last_space + 1);
    if (!is_token(method) || target.empty() || target.find(' ') != std::string_view::npos)
        return bad;
    if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || version[6] != '.' ||
        version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9')
        return bad;
    if (version[5] != '1') return Refusal{Status::version_not_supported, true};
    const bool http10 = version[7] == '0';
    if (target.size() > limits.max_target) return Refusal{Status::uri_too_long, true};
    for (const char c : target)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '#') return bad;

    Request request;
    request.keep_alive = !http10;
    // Header fields.
    std::string_view fields = head.substr(line_end + 2);
    std::size_t count = 0;
    int hosts = 0;
    std::optional<std::string_view> content_length;
    bool transfer_encoding = false;
    bool connection_close = false, connection_keep_alive = false;
    while (true) {
        const std::size_t end = fields.find("\r\n");
        if (end == std::string_view::npos) return bad; // the head must end with an empty line
        const std::string_view field = fields.substr(0, end);
        fields.remove_prefix(end + 2);
        if (field.empty()) break;
        if (++count > limits.max_fields) return Refusal{Status::header_fields_too_large, true};
        const std::size_t colon = field.find(':');
        if (colon == std::string_view::npos || !is_token(field.substr(0, colon)))
            return bad; // also obsolete line folding, and whitespace before the colon
        const std::string_view name = field.substr(0, colon);
        const std::string_view value = trim(field.substr(colon + 1));
        for (const char c : value)
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) return bad;
        if (iequals(name, "host")) {
            ++hosts;
        } else if (iequals(name, "content-length")) {
            if (content_length && *content_length != value) return bad;
            content_length = value;
        } else if (iequals(name, "transfer-encoding")) {
            transfer_encoding = true;
        } else if (iequals(name, "connection")) {
            for_each_element(value, [&](std::string_view option) {
                connection_close |= iequals(option, "close");
                connection_keep_alive |= iequals(option, "keep-alive");
            });
        }
    }
    if (!fields.empty()) return bad; // bytes after the empty line belong to no head
    if (connection_close)
        request.keep_alive = false;
    else if (http10 && connection_keep_alive)
        request.keep_alive = true;
    if (hosts > 1 || (!http10 && hosts == 0)) return bad; // RFC 9112 3.2
    if (transfer_encoding) return Refusal{Status::not_implemented, true};
    if (content_length) {
        if (content_length->empty() || content_length->size() > 18 ||
            !std::all_of(content_length->begin(), content_length->end(),
                         [](char c) { return c >= '0' && c <= '9'; }))
            return bad;
        if (std::any_of(content_length->begin(), content_length->end(),
                        [](char c) { return c != '0'; }))
            return Refusal{Status::content_too_large, true}; // GET and HEAD carry no body here
    }

    if (method == "GET")
        request.method = Method::get;
    else if (method == "HEAD")
        request.method = Method::head;
    else
        return Refusal{Status::method_not_allowed, !request.keep_alive};

    // Origin form only: "*" and absolute URIs are for proxies.
    const std::size_t question = target.find('?');
    request.raw_path = std::string(target.substr(0, question));
    if (question != std::string_view::npos)
        request.query = std::string(target.substr(question + 1));
    auto path = decode_path(request.raw_path);
    if (!path) return bad;
    request.path = std::move(*path);
    request.trailing_slash = request.raw_path.back() == '/';
    return request;
}

std::string_view mime_type(std::string_view path) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 20> types{{
        {"html", "text/html; charset=utf-8"},
        {"htm", "text/html; charset=utf-8"},
        {"css", "text/css; charset=utf-8"},
        {"js", "text/javascript; charset=utf-8"},
        {"mjs", "text/javascript; charset=utf-8"},
        {"json", "application/json"},
        {"txt", "text/plain; charset=utf-8"},
        {"md", "text/markdown; charset=utf-8"},
        {"xml", "application/xml"},
        {"svg", "image/svg+xml"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"gif", "image/gif"},
        {"webp", "image/webp"},
        {"ico", "image/vnd.microsoft.icon"},
        {"wasm", "application/wasm"},
        {"pdf", "application/pdf"},
        {"woff2", "font/woff2"},
        {"bin", "application/octet-stream"},
    }};
    const std::size_t slash = path.rfind('/');
    const std::size_t dot = path.rfind('.');
    if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
        const std::string_view extension = path.substr(dot + 1);
        for (const auto& [known, type] : types)
            if (iequals(extension, known)) return type;
    }
    return "application/octet-stream";
}

} // namespace sel4::http
