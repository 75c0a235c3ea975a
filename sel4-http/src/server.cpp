// The connection state machine: read a head, look the file up, send the answer, then the next
// request on the same connection or close.
#include <sel4/http/server.hpp>

#include <algorithm>
#include <cstring>
#include <string>

namespace sel4::http {

struct Server::Connection {
    enum class State { free, reading, opening, sending, closing };
    State state = State::free;
    std::unique_ptr<char[]> head;
    std::size_t head_used = 0;
    std::size_t scanned = 0; // no head end before this offset
    std::uint64_t head_started = 0;
    std::uint64_t last_progress = 0;
    bool peer_closed = false;

    Request request;
    bool looking_for_index = false;

    std::string out; // status line, fields, and the body of an error page
    std::size_t out_sent = 0;
    bool body_from_file = false;
    bool handle_open = false;
    std::uint32_t handle = 0;
    std::uint64_t body_offset = 0;
    std::uint64_t body_size = 0;
    bool close_after = false;
};

// Gives the request's strings back to the heap: assigning an empty string would keep their
// buffers, and a connection's first long path would stay allocated for good.
void Server::forget_request(Connection& c) {
    [[maybe_unused]] const Request discarded = std::move(c.request);
    c.request = Request{};
}

Server::Server(Site& site, const Limits& limits) : site_(site), limits_(limits) {
    // Everything a connection needs is allocated once, so that the heap does not move with load.
    connections_.reserve(limits.max_connections);
    for (std::size_t i = 0; i < limits.max_connections; ++i) {
        auto c = std::make_unique<Connection>();
        c->head = std::make_unique<char[]>(limits.max_head);
        c->out.reserve(512);
        connections_.push_back(std::move(c));
    }
}

Server::~Server() {
    for (auto& c : connections_)
        if (c->handle_open) site_.close(c->handle);
}

std::string_view Server::refusal() {
    return "HTTP/1.1 503 Service Unavailable\r\nServer: sel4-cpp\r\nContent-Type: text/plain\r\n"
           "Content-Length: 20\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
           "too many connections";
}

Server::Connection* Server::get(ConnectionId id) const {
    if (id >= connections_.size() || connections_[id]->state == Connection::State::free)
        return nullptr;
    return connections_[id].get();
}

std::optional<ConnectionId> Server::accept(std::uint64_t now_ms) {
    for (std::size_t i = 0; i < connections_.size(); ++i) {
        Connection& c = *connections_[i];
        if (c.state != Connection::State::free) continue;
        c.state = Connection::State::reading;
        c.head_used = c.scanned = 0;
        c.last_progress = now_ms;
        c.peer_closed = false;
        c.close_after = false;
        c.handle_open = false;
        c.out.clear();
        c.out_sent = 0;
        ++stats_.accepted;
        ++stats_.open;
        return static_cast<ConnectionId>(i);
    }
    ++stats_.refused;
    return std::nullopt;
}

void Server::closed(ConnectionId id) {
    Connection* c = get(id);
    if (!c) return;
    if (c->handle_open) site_.close(c->handle);
    c->handle_open = false;
    c->state = Connection::State::free;
    forget_request(*c);
    c->out.clear();
    c->head_used = c->scanned = 0;
    --stats_.open;
}

std::size_t Server::receive(ConnectionId id, std::span<const std::byte> bytes,
                            std::uint64_t now_ms) {
    Connection* c = get(id);
    if (!c) return bytes.size();
    if (c->state == Connection::State::closing || c->close_after)
        return bytes.size(); // the answer is the last one: what follows is dropped
    const std::size_t take = std::min(bytes.size(), limits_.max_head - c->head_used);
    if (take > 0) {
        if (c->head_used == 0) c->head_started = now_ms;
        std::memcpy(c->head.get() + c->head_used, bytes.data(), take);
        c->head_used += take;
        c->last_progress = now_ms;
    }
    advance(*c, now_ms);
    return take;
}

void Server::peer_closed(ConnectionId id) {
    Connection* c = get(id);
    if (!c) return;
    c->peer_closed = true;
    if (c->state == Connection::State::reading)
        c->state = Connection::State::closing; // no request can be completed any more
    else
        c->close_after = true;
}

bool Server::should_close(ConnectionId id) const {
    const Connection* c = get(id);
    return !c || c->state == Connection::State::closing;
}

void Server::start_response(Connection& c, Status status, std::uint64_t size, std::string_view type,
                            std::string_view extra_fields, bool body_from_file) {
    const auto code = static_cast<unsigned>(status);
    ++stats_.responses[std::min(code / 100, 5u)];
    c.out.clear();
    c.out_sent = 0;
    c.out += "HTTP/1.1 ";
    c.out += std::to_string(code);
    c.out += ' ';
    c.out += reason(status);
    c.out += "\r\nServer: sel4-cpp\r\nContent-Type: ";
    c.out += type;
    c.out += "\r\nContent-Length: ";
    c.out += std::to_string(size);
    c.out += c.close_after ? "\r\nConnection: close\r\n" : "\r\nConnection: keep-alive\r\n";
    c.out += extra_fields;
    c.out += "X-Content-Type-Options: nosniff\r\n\r\n";
    c.body_from_file = body_from_file && c.request.method == Method::get;
    c.body_offset = 0;
    c.body_size = c.body_from_file ? size : 0;
    c.state = Connection::State::sending;
}

namespace {

std::string error_page(Status status) {
    const std::string title =
        std::to_string(static_cast<unsigned>(status)) + " " + std::string(reason(status));
    return "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body><h1>" + title +
           "</h1></body></html>\n";
}

} // namespace

void Server::refuse(Connection& c, const Refusal& refusal) {
    c.close_after = c.close_after || refusal.close;
    const std::string body = error_page(refusal.status);
    std::string_view extra;
    if (refusal.status == Status::method_not_allowed) extra = "Allow: GET, HEAD\r\n";
    start_response(c, refusal.status, body.size(), "text/html; charset=utf-8", extra, false);
    if (c.request.method != Method::head || refusal.close)
        c.out += body; // a refused head may not even be a HEAD: answer with the page
}

void Server::finish_response(Connection& c) {
    if (c.handle_open) site_.close(c.handle);
    c.handle_open = false;
    c.out.clear();
    c.out_sent = 0;
    c.body_from_file = false;
    forget_request(c);
    c.state = c.close_after ? Connection::State::closing : Connection::State::reading;
}

void Server::advance(Connection& c, std::uint64_t now_ms) {
    for (;;) {
        if (c.state == Connection::State::reading) {
            // Empty lines before a request line are ignored (RFC 9112 2.2).
            std::size_t skip = 0;
            while (skip + 1 < c.head_used && c.head[skip] == '\r' && c.head[skip + 1] == '\n')
                skip += 2;
            if (skip > 0) {
                std::memmove(c.head.get(), c.head.get() + skip, c.head_used - skip);
                c.head_used -= skip;
                c.scanned = 0;
            }
            const std::string_view buffered(c.head.get(), c.head_used);
            const std::size_t end = buffered.find("\r\n\r\n", c.scanned);
            if (end == std::string_view::npos) {
                c.scanned = c.head_used >= 3 ? c.head_used - 3 : 0;
                if (c.head_used == limits_.max_head) {
                    forget_request(c);
                    refuse(c, Refusal{Status::header_fields_too_large, true});
                    continue;
                }
                if (c.peer_closed) c.state = Connection::State::closing;
                return;
            }
            const std::size_t length = end + 4;
            auto parsed = parse_request(buffered.substr(0, length), limits_.parser);
            std::memmove(c.head.get(), c.head.get() + length, c.head_used - length);
            c.head_used -= length;
            c.scanned = 0;
            c.head_started = now_ms;
            ++stats_.requests;
            if (auto* refusal = std::get_if<Refusal>(&parsed)) {
                forget_request(c);
                refuse(c, *refusal);
                continue;
            }
            c.request = std::move(std::get<Request>(parsed));
            c.close_after = c.close_after || !c.request.keep_alive;
            c.looking_for_index = false;
            c.state = Connection::State::opening;
        }
        if (c.state == Connection::State::opening) {
            const std::string path = c.looking_for_index
                                         ? (c.request.path == "/" ? std::string("/index.html")
                                                                  : c.request.path + "/index.html")
                                         : c.request.path;
            const Site::Found found = site_.open(path);
            switch (found.kind) {
            case Site::Kind::pending:
                return;
            case Site::Kind::error:
                refuse(c, Refusal{Status::internal_server_error, true});
                continue;
            case Site::Kind::missing:
                refuse(c, Refusal{Status::not_found, false});
                continue;
            case Site::Kind::directory:
                if (c.looking_for_index) {
                    refuse(c, Refusal{Status::not_found, false});
                } else if (!c.request.trailing_slash && c.request.path != "/") {
                    std::string location = "Location: " + c.request.raw_path + "/";
                    if (!c.request.query.empty()) location += "?" + c.request.query;
                    location += "\r\n";
                    const std::string body = error_page(Status::moved_permanently);
                    start_response(c, Status::moved_permanently, body.size(),
                                   "text/html; charset=utf-8", location, false);
                    if (c.request.method == Method::get) c.out += body;
                } else {
                    c.looking_for_index = true;
                    continue;
                }
                continue;
            case Site::Kind::file:
                c.handle = found.handle;
                c.handle_open = true;
                start_response(c, Status::ok, found.size, mime_type(path), {}, true);
                continue;
            }
        }
        return; // sending (pull drives it) or closing
    }
}

std::size_t Server::pull(ConnectionId id, std::span<std::byte> out, std::uint64_t now_ms) {
    Connection* c = get(id);
    if (!c) return 0;
    std::size_t filled = 0;
    while (filled < out.size() && c->state == Connection::State::sending) {
        if (c->out_sent < c->out.size()) {
            const std::size_t n = std::min(out.size() - filled, c->out.size() - c->out_sent);
            std::memcpy(out.data() + filled, c->out.data() + c->out_sent, n);
            c->out_sent += n;
            filled += n;
            continue;
        }
        if (c->body_from_file && c->body_offset < c->body_size) {
            const std::size_t want = static_cast<std::size_t>(
                std::min<std::uint64_t>(out.size() - filled, c->body_size - c->body_offset));
            const Site::Read read =
                site_.read(c->handle, c->body_offset, out.subspan(filled, want));
            if (read.pending) break;
            if (read.error || read.bytes == 0) {
                // The status line has gone out: all that is left is to cut the connection.
                c->close_after = true;
                c->state = Connection::State::closing;
                break;
            }
            c->body_offset += read.bytes;
            filled += read.bytes;
            continue;
        }
        finish_response(*c);
        advance(*c, now_ms); // a pipelined request may be waiting
    }
    if (filled > 0) c->last_progress = now_ms;
    return filled;
}

std::vector<ConnectionId> Server::expired(std::uint64_t now_ms) {
    std::vector<ConnectionId> expired;
    for (std::size_t i = 0; i < connections_.size(); ++i) {
        Connection& c = *connections_[i];
        switch (c.state) {
        case Connection::State::free:
            break;
        case Connection::State::reading:
            if (c.head_used == 0 && now_ms - c.last_progress > limits_.idle_timeout_ms) {
                ++stats_.timeouts;
                expired.push_back(static_cast<ConnectionId>(i));
            } else if (c.head_used > 0 && now_ms - c.head_started > limits_.head_timeout_ms) {
                ++stats_.timeouts;
                forget_request(c);
                refuse(c, Refusal{Status::request_timeout, true});
                c.last_progress = now_ms;
            }
            break;
        case Connection::State::opening:
        case Connection::State::sending:
        case Connection::State::closing:
            if (now_ms - c.last_progress > limits_.send_timeout_ms) {
                ++stats_.timeouts;
                expired.push_back(static_cast<ConnectionId>(i));
            }
            break;
        }
    }
    return expired;
}

void Server::storage_ready() {
    for (auto& c : connections_)
        if (c->state == Connection::State::opening) advance(*c, c->last_progress);
}

} // namespace sel4::http
