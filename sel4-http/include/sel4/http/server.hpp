// An HTTP/1.1 static file server as a state machine, apart from any network stack: the glue
// (lwIP, TLS, a test) feeds received bytes in, pulls bytes to send out, and closes what the
// server says to close. Files come from a Site, whose lookups and reads may answer "later"
// (a disk behind a ring); the glue calls storage_ready() and pumps again when they can go on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sel4/http/request.hpp>

namespace sel4::http {

class Site {
  public:
    enum class Kind { file, directory, missing, pending, error };
    struct Found {
        Kind kind;
        std::uint64_t size = 0;
        std::uint32_t handle = 0; // for read() and close(), when kind is file
    };
    struct Read {
        std::size_t bytes = 0;
        bool pending = false; // nothing yet: try again after storage_ready()
        bool error = false;
    };

    virtual ~Site() = default;
    // Looks up a decoded path ("/" or "/a/b", no dot segments). A file found is open until close().
    virtual Found open(std::string_view path) = 0;
    virtual Read read(std::uint32_t handle, std::uint64_t offset, std::span<std::byte> out) = 0;
    virtual void close(std::uint32_t handle) = 0;
};

struct Limits {
    std::size_t max_connections = 32;
    std::size_t max_head = 8192;           // bytes of one request head; more is answered 431
    std::uint64_t idle_timeout_ms = 15000; // keep-alive connection with no request
    std::uint64_t head_timeout_ms = 10000; // a request head started and not finished
    std::uint64_t send_timeout_ms = 30000; // a response the client does not take
    ParserLimits parser;
};

struct Stats {
    std::uint64_t accepted = 0;
    std::uint64_t refused = 0; // over the connection limit
    std::uint64_t requests = 0;
    std::uint64_t responses[6] = {}; // by class: [2] 2xx ... [5] 5xx
    std::uint64_t timeouts = 0;
    std::size_t open = 0; // connections now
};

using ConnectionId = std::uint32_t;

class Server {
  public:
    Server(Site& site, const Limits& limits = {});
    ~Server();

    // A new connection, or nullopt when the server is full: then send refusal() and close.
    std::optional<ConnectionId> accept(std::uint64_t now_ms);
    static std::string_view refusal();

    // Takes received bytes; returns how many it took (the rest must be offered again later).
    std::size_t receive(ConnectionId id, std::span<const std::byte> bytes, std::uint64_t now_ms);
    // The peer will send no more.
    void peer_closed(ConnectionId id);
    // Fills out with bytes to send; 0 when there is nothing to send now.
    std::size_t pull(ConnectionId id, std::span<std::byte> out, std::uint64_t now_ms);
    // Once everything pulled has been sent: close the connection.
    bool should_close(ConnectionId id) const;
    // The connection is gone (closed by either side, reset, timed out): forget it.
    void closed(ConnectionId id);

    // Connections to close now (timed out); the glue closes them and calls closed().
    std::vector<ConnectionId> expired(std::uint64_t now_ms);
    // Lookups and reads that were pending can go on: pump every connection again.
    void storage_ready();

    const Stats& stats() const { return stats_; }
    const Limits& limits() const { return limits_; }

  private:
    struct Connection;
    static void forget_request(Connection& c);
    Connection* get(ConnectionId id) const;
    void advance(Connection& c, std::uint64_t now_ms);
    void start_response(Connection& c, Status status, std::uint64_t size, std::string_view type,
                        std::string_view extra_fields, bool body_from_file);
    void refuse(Connection& c, const Refusal& refusal);
    void finish_response(Connection& c);

    Site& site_;
    Limits limits_;
    std::vector<std::unique_ptr<Connection>> connections_;
    Stats stats_;
};

} // namespace sel4::http
