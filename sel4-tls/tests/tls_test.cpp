// HTTPS through a Session: an mbedTLS client that trusts only the build-time certificate and
// checks the name "localhost" talks to the HTTP server behind an HttpsStream, over memory.
#include <sel4/tls/session.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#include "memory_site.hpp"

extern "C" const char sel4_https_certificate[];
extern "C" const char sel4_https_key[];

using namespace sel4;

namespace {

int urandom(void*, unsigned char* out, std::size_t length) {
    std::FILE* f = std::fopen("/dev/urandom", "rb");
    const std::size_t n = f ? std::fread(out, 1, length, f) : 0;
    if (f) std::fclose(f);
    return n == length ? 0 : -1;
}

int no_entropy(void*, unsigned char*, std::size_t) {
    return -1;
}

struct Pipe {
    std::vector<unsigned char> to_server, to_client;
};

class Client {
  public:
    explicit Client(Pipe& pipe, const char* hostname = "localhost") : pipe_(pipe) {
        mbedtls_ssl_init(&ssl_);
        mbedtls_ssl_config_init(&config_);
        mbedtls_x509_crt_init(&ca_);
        mbedtls_ctr_drbg_init(&random_);
        EXPECT_EQ(mbedtls_ctr_drbg_seed(&random_, urandom, nullptr, nullptr, 0), 0);
        EXPECT_EQ(mbedtls_x509_crt_parse(
                      &ca_, reinterpret_cast<const unsigned char*>(sel4_https_certificate),
                      std::strlen(sel4_https_certificate) + 1),
                  0);
        EXPECT_EQ(mbedtls_ssl_config_defaults(&config_, MBEDTLS_SSL_IS_CLIENT,
                                              MBEDTLS_SSL_TRANSPORT_STREAM,
                                              MBEDTLS_SSL_PRESET_DEFAULT),
                  0);
        mbedtls_ssl_conf_authmode(&config_, MBEDTLS_SSL_VERIFY_REQUIRED);
        mbedtls_ssl_conf_ca_chain(&config_, &ca_, nullptr);
        mbedtls_ssl_conf_rng(&config_, mbedtls_ctr_drbg_random, &random_);
        EXPECT_EQ(mbedtls_ssl_setup(&ssl_, &config_), 0);
        EXPECT_EQ(mbedtls_ssl_set_hostname(&ssl_, hostname), 0);
        mbedtls_ssl_set_bio(&ssl_, this, send, receive, nullptr);
    }
    ~Client() {
        mbedtls_ssl_free(&ssl_);
        mbedtls_ssl_config_free(&config_);
        mbedtls_x509_crt_free(&ca_);
        mbedtls_ctr_drbg_free(&random_);
    }
    int handshake() { return mbedtls_ssl_handshake(&ssl_); }
    int write(std::string_view text) {
        return mbedtls_ssl_write(&ssl_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
    }
    std::string read_available() {
        std::string out;
        unsigned char buffer[4096];
        for (;;) {
            const int n = mbedtls_ssl_read(&ssl_, buffer, sizeof buffer);
            if (n <= 0) return out;
            out.append(reinterpret_cast<char*>(buffer), n);
        }
    }
    mbedtls_ssl_context ssl_;

  private:
    static int send(void* self, const unsigned char* data, std::size_t length) {
        auto& pipe = static_cast<Client*>(self)->pipe_;
        pipe.to_server.insert(pipe.to_server.end(), data, data + length);
        return static_cast<int>(length);
    }
    static int receive(void* self, unsigned char* data, std::size_t length) {
        auto& pipe = static_cast<Client*>(self)->pipe_;
        if (pipe.to_client.empty()) return MBEDTLS_ERR_SSL_WANT_READ;
        const std::size_t n = std::min(length, pipe.to_client.size());
        std::memcpy(data, pipe.to_client.data(), n);
        pipe.to_client.erase(pipe.to_client.begin(), pipe.to_client.begin() + n);
        return static_cast<int>(n);
    }
    Pipe& pipe_;
    mbedtls_ssl_config config_;
    mbedtls_x509_crt ca_;
    mbedtls_ctr_drbg_context random_;
};

// Moves bytes both ways between the client's pipe and the stream, in TCP-sized pieces.
void shuttle(Pipe& pipe, tls::HttpsStream& stream) {
    std::byte buffer[1460];
    for (int round = 0; round < 10000; ++round) {
        bool moved = false;
        if (!pipe.to_server.empty()) {
            const std::size_t n = std::min(pipe.to_server.size(), sizeof buffer);
            const std::size_t taken =
                stream.receive(std::as_bytes(std::span(pipe.to_server.data(), n)), 0);
            pipe.to_server.erase(pipe.to_server.begin(), pipe.to_server.begin() + taken);
            moved |= taken > 0;
        }
        const std::size_t n = stream.pull(buffer, 0);
        const auto* bytes = reinterpret_cast<const unsigned char*>(buffer);
        pipe.to_client.insert(pipe.to_client.end(), bytes, bytes + n);
        moved |= n > 0;
        if (!moved) return;
    }
}

class Https : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(context.ok()) << context.error();
        site.add("/index.html", "<h1>secure</h1>");
        std::string big(1 << 20, 'x');
        for (std::size_t i = 0; i < big.size(); ++i)
            big[i] = static_cast<char>(i % 251);
        site.add("/big.bin", big);
    }
    tls::Context context{sel4_https_certificate, sel4_https_key, urandom, nullptr};
    http::testing::MemorySite site;
    http::Server server{site};
};

TEST_F(Https, HandshakeWithTheBuildCertificateThenGet) {
    Pipe pipe;
    Client client(pipe);
    tls::HttpsStream stream(context, server, *server.accept(0));
    int ret = 0;
    for (int i = 0; i < 20 && (ret = client.handshake()) != 0; ++i) {
        ASSERT_TRUE(ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE) << ret;
        shuttle(pipe, stream);
    }
    ASSERT_EQ(ret, 0) << stream.session().error();
    EXPECT_EQ(mbedtls_ssl_get_verify_result(&client.ssl_), 0u);
    EXPECT_STREQ(mbedtls_ssl_get_version(&client.ssl_), "TLSv1.2");
    ASSERT_GT(client.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"), 0);
    shuttle(pipe, stream);
    const std::string response = client.read_available();
    EXPECT_EQ(response.substr(0, 15), "HTTP/1.1 200 OK");
    EXPECT_EQ(response.substr(response.size() - 15), "<h1>secure</h1>");

    ASSERT_GT(client.write("GET /big.bin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
              0);
    std::string big;
    for (int i = 0; i < 1000 && big.size() < (1u << 20) + 100; ++i) {
        shuttle(pipe, stream);
        big += client.read_available();
    }
    const std::size_t body = big.find("\r\n\r\n") + 4;
    EXPECT_TRUE(big.substr(body) == site.files["/big.bin"]);
    EXPECT_TRUE(stream.should_close());
    server.closed(stream.id());
    EXPECT_EQ(site.open_handles, 0);
}

TEST_F(Https, WrongNameIsRefusedByTheClient) {
    Pipe pipe;
    Client client(pipe, "example.org");
    tls::HttpsStream stream(context, server, *server.accept(0));
    int ret = 0;
    for (int i = 0; i < 20; ++i) {
        ret = client.handshake();
        if (ret != MBEDTLS_ERR_SSL_WANT_READ && ret != MBEDTLS_ERR_SSL_WANT_WRITE) break;
        shuttle(pipe, stream);
    }
    EXPECT_EQ(ret, MBEDTLS_ERR_X509_CERT_VERIFY_FAILED);
}

TEST_F(Https, GarbageEndsTheSessionNotTheServer) {
    tls::HttpsStream stream(context, server, *server.accept(0));
    const std::string junk = "GET / HTTP/1.1\r\nHost: h\r\n\r\n" + std::string(300, '\x17');
    stream.receive(std::as_bytes(std::span(junk.data(), junk.size())), 0);
    std::byte out[512];
    while (stream.pull(out, 0) > 0) {
    }
    EXPECT_TRUE(stream.should_close());
    EXPECT_EQ(stream.session().phase(), tls::Session::Phase::failed);
    EXPECT_FALSE(stream.session().error().empty());
    server.closed(stream.id());
    EXPECT_EQ(server.stats().open, 0u);
}

TEST(TlsContext, NoEntropyNoSessions) {
    tls::Context context(sel4_https_certificate, sel4_https_key, no_entropy, nullptr);
    EXPECT_FALSE(context.ok());
    EXPECT_NE(context.error().find("random"), std::string::npos);
    tls::Session session(context);
    EXPECT_EQ(session.phase(), tls::Session::Phase::failed);
}

} // namespace
