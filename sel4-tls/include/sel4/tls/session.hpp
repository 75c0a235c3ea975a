// TLS for a server over byte buffers, with mbedTLS 2.28: no sockets, no clock, no OS entropy.
// The network side of a Session takes ciphertext in and gives ciphertext out; the application
// side reads and writes plaintext. HttpsStream joins a Session to a connection of the HTTP server.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sel4/http/server.hpp>

namespace sel4::tls {

// Fills out with random bytes from a real source; returns 0, or non-zero when it cannot.
using EntropySource = int (*)(void* context, unsigned char* out, std::size_t length);

// What every connection shares: the certificate, its key, the random generator.
class Context {
  public:
    // cert_pem and key_pem: PEM text. On failure, error() says why and sessions cannot start.
    Context(std::string_view cert_pem, std::string_view key_pem, EntropySource entropy,
            void* entropy_context);
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }

  private:
    friend class Session;
    struct State;
    std::unique_ptr<State> state_;
    std::string error_;
};

class Session {
  public:
    enum class Phase { handshake, open, closed, failed };

    explicit Session(Context& context);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Network side: ciphertext received (returns how much it took), ciphertext to send.
    std::size_t receive(std::span<const std::byte> ciphertext);
    std::size_t pull(std::span<std::byte> out);

    // Runs the handshake as far as the input allows; the phase it is in now.
    Phase advance();
    Phase phase() const { return phase_; }
    // Application side (once open): plaintext received so far, and plaintext to send; both
    // return 0 when nothing can move now.
    std::size_t read(std::span<std::byte> out);
    std::size_t write(std::span<const std::byte> plaintext);
    // The largest write() that can be taken now (0 while the output is full).
    std::size_t writable() const;
    // Ends the session with a close_notify alert.
    void close();
    // Why the session failed (mbedTLS's words).
    const std::string& error() const { return error_; }

  private:
    static int send_callback(void* self, const unsigned char* data, std::size_t length);
    static int receive_callback(void* self, unsigned char* data, std::size_t length);
    void fail(int code);

    struct State;
    std::unique_ptr<State> state_;
    Phase phase_ = Phase::handshake;
    std::vector<std::byte> in_; // ciphertext not yet consumed by mbedTLS
    std::size_t in_start_ = 0;
    std::vector<std::byte> out_; // ciphertext not yet pulled
    std::size_t out_start_ = 0;
    std::string error_;
};

// An HTTPS connection: TLS records on the network side, the HTTP server behind them.
class HttpsStream {
  public:
    HttpsStream(Context& context, http::Server& server, http::ConnectionId id)
        : session_(context), server_(server), id_(id) {}

    std::size_t receive(std::span<const std::byte> ciphertext, std::uint64_t now_ms);
    std::size_t pull(std::span<std::byte> out, std::uint64_t now_ms);
    void peer_closed() { server_.peer_closed(id_); }
    bool should_close() const;
    http::ConnectionId id() const { return id_; }
    const Session& session() const { return session_; }

  private:
    void pump(std::uint64_t now_ms);

    Session session_;
    http::Server& server_;
    http::ConnectionId id_;
    std::vector<std::byte> plain_in_; // decrypted, not yet taken by the HTTP server
    std::size_t plain_start_ = 0;
    bool closing_ = false;
};

} // namespace sel4::tls
