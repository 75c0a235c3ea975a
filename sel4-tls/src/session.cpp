// mbedTLS under the Session: memory callbacks instead of sockets, CTR_DRBG over the PD's entropy.
#include <sel4/tls/session.hpp>

#include <algorithm>
#include <cstring>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/error.h>
#include <mbedtls/pk.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

namespace sel4::tls {

namespace {

// A whole record and its overhead (header, nonce, tag, padding), as mbedTLS sizes its buffers.
constexpr std::size_t record_overhead = 512;
constexpr std::size_t in_capacity = MBEDTLS_SSL_IN_CONTENT_LEN + record_overhead;
constexpr std::size_t out_record = MBEDTLS_SSL_OUT_CONTENT_LEN + record_overhead;
constexpr std::size_t out_capacity = 4 * out_record;

std::string describe(int code) {
    char text[128];
    mbedtls_strerror(code, text, sizeof text);
    return text;
}

// PEM parsing wants the text NUL-terminated, and the terminator counted.
std::vector<unsigned char> pem(std::string_view text) {
    std::vector<unsigned char> bytes(text.begin(), text.end());
    bytes.push_back(0);
    return bytes;
}

} // namespace

struct Context::State {
    mbedtls_ssl_config config;
    mbedtls_x509_crt certificate;
    mbedtls_pk_context key;
    mbedtls_ctr_drbg_context random;
};

Context::Context(std::string_view cert_pem, std::string_view key_pem, EntropySource entropy,
                 void* entropy_context)
    : state_(std::make_unique<State>()) {
    State& s = *state_;
    mbedtls_ssl_config_init(&s.config);
    mbedtls_x509_crt_init(&s.certificate);
    mbedtls_pk_init(&s.key);
    mbedtls_ctr_drbg_init(&s.random);
    static constexpr unsigned char personalisation[] = "sel4-cpp https server";
    int ret = mbedtls_ctr_drbg_seed(&s.random, entropy, entropy_context, personalisation,
                                    sizeof personalisation);
    if (ret != 0) {
        error_ = "seeding the random generator: " + describe(ret);
        return;
    }
    const auto cert = pem(cert_pem);
    if ((ret = mbedtls_x509_crt_parse(&s.certificate, cert.data(), cert.size())) != 0) {
        error_ = "certificate: " + describe(ret);
        return;
    }
    const auto key = pem(key_pem);
    if ((ret = mbedtls_pk_parse_key(&s.key, key.data(), key.size(), nullptr, 0)) != 0) {
        error_ = "key: " + describe(ret);
        return;
    }
    if ((ret = mbedtls_ssl_config_defaults(&s.config, MBEDTLS_SSL_IS_SERVER,
                                           MBEDTLS_SSL_TRANSPORT_STREAM,
                                           MBEDTLS_SSL_PRESET_DEFAULT)) != 0) {
        error_ = "configuration: " + describe(ret);
        return;
    }
    mbedtls_ssl_conf_rng(&s.config, mbedtls_ctr_drbg_random, &s.random);
    mbedtls_ssl_conf_min_version(&s.config, MBEDTLS_SSL_MAJOR_VERSION_3,
                                 MBEDTLS_SSL_MINOR_VERSION_3);
    if ((ret = mbedtls_ssl_conf_own_cert(&s.config, &s.certificate, &s.key)) != 0) {
        error_ = "own certificate: " + describe(ret);
        return;
    }
}

Context::~Context() {
    mbedtls_ssl_config_free(&state_->config);
    mbedtls_x509_crt_free(&state_->certificate);
    mbedtls_pk_free(&state_->key);
    mbedtls_ctr_drbg_free(&state_->random);
}

struct Session::State {
    mbedtls_ssl_context ssl;
};

Session::Session(Context& context) : state_(std::make_unique<State>()) {
    mbedtls_ssl_init(&state_->ssl);
    in_.reserve(in_capacity);
    out_.reserve(out_capacity);
    if (!context.ok()) {
        phase_ = Phase::failed;
        error_ = context.error();
        return;
    }
    if (const int ret = mbedtls_ssl_setup(&state_->ssl, &context.state_->config); ret != 0) {
        fail(ret);
        return;
    }
    mbedtls_ssl_set_bio(&state_->ssl, this, send_callback, receive_callback, nullptr);
}

Session::~Session() {
    mbedtls_ssl_free(&state_->ssl);
}

void Session::fail(int code) {
    phase_ = Phase::failed;
    error_ = describe(code);
}

int Session::send_callback(void* self, const unsigned char* data, std::size_t length) {
    auto& s = *static_cast<Session*>(self);
    if (s.out_start_ > 0 && s.out_.size() + length > out_capacity) {
        s.out_.erase(s.out_.begin(), s.out_.begin() + static_cast<std::ptrdiff_t>(s.out_start_));
        s.out_start_ = 0;
    }
    const std::size_t room = out_capacity - s.out_.size();
    if (room == 0) return MBEDTLS_ERR_SSL_WANT_WRITE;
    const std::size_t n = std::min(room, length);
    const auto* bytes = reinterpret_cast<const std::byte*>(data);
    s.out_.insert(s.out_.end(), bytes, bytes + n);
    return static_cast<int>(n);
}

int Session::receive_callback(void* self, unsigned char* data, std::size_t length) {
    auto& s = *static_cast<Session*>(self);
    const std::size_t available = s.in_.size() - s.in_start_;
    if (available == 0) return MBEDTLS_ERR_SSL_WANT_READ;
    const std::size_t n = std::min(available, length);
    std::memcpy(data, s.in_.data() + s.in_start_, n);
    s.in_start_ += n;
    return static_cast<int>(n);
}

std::size_t Session::receive(std::span<const std::byte> ciphertext) {
    if (in_start_ > 0) {
        in_.erase(in_.begin(), in_.begin() + static_cast<std::ptrdiff_t>(in_start_));
        in_start_ = 0;
    }
    const std::size_t n = std::min(ciphertext.size(), in_capacity - in_.size());
    in_.insert(in_.end(), ciphertext.begin(), ciphertext.begin() + static_cast<std::ptrdiff_t>(n));
    return n;
}

std::size_t Session::pull(std::span<std::byte> out) {
    const std::size_t n = std::min(out.size(), out_.size() - out_start_);
    std::memcpy(out.data(), out_.data() + out_start_, n);
    out_start_ += n;
    if (out_start_ == out_.size()) {
        out_.clear();
        out_start_ = 0;
    }
    return n;
}

Session::Phase Session::advance() {
    if (phase_ != Phase::handshake) return phase_;
    const int ret = mbedtls_ssl_handshake(&state_->ssl);
    if (ret == 0)
        phase_ = Phase::open;
    else if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE)
        fail(ret);
    return phase_;
}

std::size_t Session::read(std::span<std::byte> out) {
    if (advance() != Phase::open || out.empty()) return 0;
    const int ret =
        mbedtls_ssl_read(&state_->ssl, reinterpret_cast<unsigned char*>(out.data()), out.size());
    if (ret > 0) return static_cast<std::size_t>(ret);
    if (ret == 0 || ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY)
        phase_ = Phase::closed;
    else if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE)
        fail(ret);
    return 0;
}

std::size_t Session::writable() const {
    if (phase_ != Phase::open) return 0;
    // One whole record must fit, so that mbedTLS never has to be asked again with the same data.
    if (out_capacity - (out_.size() - out_start_) < out_record) return 0;
    const int payload = mbedtls_ssl_get_max_out_record_payload(&state_->ssl);
    return payload > 0 ? static_cast<std::size_t>(payload) : 0;
}

std::size_t Session::write(std::span<const std::byte> plaintext) {
    const std::size_t n = std::min(plaintext.size(), writable());
    if (n == 0) return 0;
    if (out_start_ > 0) {
        out_.erase(out_.begin(), out_.begin() + static_cast<std::ptrdiff_t>(out_start_));
        out_start_ = 0;
    }
    const int ret = mbedtls_ssl_write(&state_->ssl,
                                      reinterpret_cast<const unsigned char*>(plaintext.data()), n);
    if (ret > 0) return static_cast<std::size_t>(ret);
    if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE) fail(ret);
    return 0;
}

void Session::close() {
    if (phase_ == Phase::open) (void)mbedtls_ssl_close_notify(&state_->ssl);
    if (phase_ != Phase::failed) phase_ = Phase::closed;
}

std::size_t HttpsStream::receive(std::span<const std::byte> ciphertext, std::uint64_t now_ms) {
    const std::size_t taken = session_.receive(ciphertext);
    pump(now_ms);
    return taken;
}

void HttpsStream::pump(std::uint64_t now_ms) {
    if (session_.advance() != Session::Phase::open) return;
    // Decrypted bytes to the server, as far as it takes them.
    std::byte buffer[2048];
    for (;;) {
        if (plain_start_ == plain_in_.size()) {
            plain_in_.clear();
            plain_start_ = 0;
            const std::size_t n = session_.read(buffer);
            if (n == 0) break;
            plain_in_.assign(buffer, buffer + n);
        }
        const std::size_t taken =
            server_.receive(id_, std::span(plain_in_).subspan(plain_start_), now_ms);
        plain_start_ += taken;
        if (taken == 0) break;
    }
    if (session_.phase() == Session::Phase::closed) server_.peer_closed(id_);
}

std::size_t HttpsStream::pull(std::span<std::byte> out, std::uint64_t now_ms) {
    pump(now_ms);
    // The server's answer, encrypted, as far as the output has room.
    if (session_.phase() == Session::Phase::open) {
        std::vector<std::byte> plain;
        while (std::size_t room = session_.writable()) {
            plain.resize(room);
            const std::size_t n = server_.pull(id_, plain, now_ms);
            if (n == 0) break;
            if (session_.write(std::span(plain).first(n)) != n)
                break; // failed: the session says why
        }
        if (server_.should_close(id_) && !closing_) {
            closing_ = true;
            session_.close();
        }
    }
    return session_.pull(out);
}

bool HttpsStream::should_close() const {
    const auto phase = session_.phase();
    return phase == Session::Phase::failed || phase == Session::Phase::closed ||
           (closing_ && server_.should_close(id_));
}

} // namespace sel4::tls
