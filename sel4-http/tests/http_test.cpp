// The request parser, path decoding, MIME types, and the server's connection state machine.
#include <sel4/http/server.hpp>

#include <gtest/gtest.h>

#include "memory_site.hpp"

using namespace sel4::http;
using sel4::http::testing::MemorySite;

namespace {

Request parsed(std::string_view head) {
    auto result = parse_request(head);
    EXPECT_TRUE(std::holds_alternative<Request>(result)) << head;
    return std::holds_alternative<Request>(result) ? std::get<Request>(result) : Request{};
}

Status refused(std::string_view head, ParserLimits limits = {}) {
    auto result = parse_request(head, limits);
    EXPECT_TRUE(std::holds_alternative<Refusal>(result)) << head;
    return std::holds_alternative<Refusal>(result) ? std::get<Refusal>(result).status : Status::ok;
}

TEST(Parser, GetAndHead) {
    Request r = parsed("GET /a/b.html?x=1 HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n");
    EXPECT_EQ(r.method, Method::get);
    EXPECT_EQ(r.path, "/a/b.html");
    EXPECT_EQ(r.query, "x=1");
    EXPECT_FALSE(r.trailing_slash);
    EXPECT_TRUE(r.keep_alive);
    EXPECT_EQ(parsed("HEAD /d/ HTTP/1.1\r\nhost: h\r\n\r\n").method, Method::head);
    EXPECT_TRUE(parsed("HEAD /d/ HTTP/1.1\r\nhost: h\r\n\r\n").trailing_slash);
}

TEST(Parser, KeepAliveByVersionAndConnectionField) {
    EXPECT_FALSE(parsed("GET / HTTP/1.0\r\n\r\n").keep_alive);
    EXPECT_TRUE(parsed("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keep_alive);
    EXPECT_FALSE(parsed("GET / HTTP/1.1\r\nHost: h\r\nConnection: foo, close\r\n\r\n").keep_alive);
}

TEST(Parser, RefusesWhatItShould) {
    EXPECT_EQ(refused("GET / HTTP/1.1\r\n\r\n"), Status::bad_request) << "no Host";
    EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), Status::bad_request);
    EXPECT_EQ(refused("POST / HTTP/1.1\r\nHost: h\r\n\r\n"), Status::method_not_allowed);
    EXPECT_EQ(refused("DELETE /x HTTP/1.1\r\nHost: h\r\n\r\n"), Status::method_not_allowed);
    EXPECT_EQ(refused("GET / HTTP/2.0\r\nHost: h\r\n\r\n"), Status::version_not_supported);
    EXPECT_EQ(refused("GET / HTTP/1.1 \r\nHost: h\r\n\r\n"), Status::bad_request);
    EXPECT_EQ(refused("GET  / HTTP/1.1\r\nHost: h\r\n\r\n"), Status::bad_request);
    EXPECT_EQ(refused("GET / FTP/1.1\r\nHost: h\r\n\r\n"), Status::bad_request);
    EXPECT_EQ(refused("G(T / HTTP/1.1\r\nHost: h\r\n\r\n"), Status::bad_request);
    EXPECT_EQ(refused("GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n"), Status::bad_request);
    EXPECT_EQ(refused("GET * HTTP/1.1\r\nHost: h\r\n\r\n"), Status::bad_request);
    EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost : h\r\n\r\n"), Status::bad_request)
        << "space before colon";
    EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n"), Status::bad_request);
    EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost: h\r\nX: a\x01z\r\n\r\n"), Status::bad_request);
    EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n"),
              Status::content_too_large);
    EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n"),
              Status::bad_request);
    EXPECT_EQ(
        refused("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"),
        Status::bad_request);
    EXPECT_EQ(refused("GET / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"),
              Status::not_implemented);
    EXPECT_EQ(refused("GET /" + std::string(3000, 'a') + " HTTP/1.1\r\nHost: h\r\n\r\n"),
              Status::uri_too_long);
    std::string many = "GET / HTTP/1.1\r\nHost: h\r\n";
    for (int i = 0; i < 70; ++i)
        many += "X-" + std::to_string(i) + ": v\r\n";
    EXPECT_EQ(refused(many + "\r\n"), Status::header_fields_too_large);
    EXPECT_EQ(refused("GET /%2e%2e/etc/passwd HTTP/1.1\r\nHost: h\r\n\r\n"), Status::bad_request);
    EXPECT_EQ(parsed("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n").path, "/");
}

TEST(Paths, NothingLeavesTheRoot) {
    EXPECT_EQ(decode_path("/"), "/");
    EXPECT_EQ(decode_path("//a//b/"), "/a/b");
    EXPECT_EQ(decode_path("/a%20b/c%2Fd"), "/a b/c/d");
    EXPECT_EQ(decode_path("/caf%C3%A9"), "/caf\xc3\xa9");
    EXPECT_EQ(decode_path("/...x/..y"), "/...x/..y");
    for (const char* bad : {"",
                            "a",
                            "/..",
                            "/../x",
                            "/a/../../x",
                            "/%2e%2e/x",
                            "/%2E%2e",
                            "/.%2e/",
                            "/a/%2e",
                            "/a/.",
                            "/..%2f..%2fetc",
                            "/%2f..",
                            "/a\\..\\b",
                            "/%5c..",
                            "/%00",
                            "/a%0d%0aX: y",
                            "/%",
                            "/%4",
                            "/%zz",
                            "/%%41"})
        EXPECT_EQ(decode_path(bad), std::nullopt) << bad;
    EXPECT_EQ(decode_path("/%252e%252e/x"), "/%2e%2e/x") << "decoded once only";
}

TEST(Mime, ByExtension) {
    EXPECT_EQ(mime_type("/index.html"), "text/html; charset=utf-8");
    EXPECT_EQ(mime_type("/s/STYLE.CSS"), "text/css; charset=utf-8");
    EXPECT_EQ(mime_type("/logo.svg"), "image/svg+xml");
    EXPECT_EQ(mime_type("/a.png"), "image/png");
    EXPECT_EQ(mime_type("/a.b/noext"), "application/octet-stream");
    EXPECT_EQ(mime_type("/big.bin"), "application/octet-stream");
}

// A client on one connection: sends, then collects everything the server has to say.
struct Client {
    Server& server;
    ConnectionId id;
    std::uint64_t now = 0;

    std::size_t send(std::string_view bytes) {
        return server.receive(id, std::as_bytes(std::span(bytes.data(), bytes.size())), now);
    }
    std::string take(std::size_t chunk = 1500) {
        std::string all;
        std::string buffer(chunk, '\0');
        for (;;) {
            const std::size_t n = server.pull(id, std::as_writable_bytes(std::span(buffer)), now);
            if (n == 0) return all;
            all.append(buffer.data(), n);
        }
    }
};

struct Response {
    int status = 0;
    std::map<std::string, std::string> fields;
    std::string body;
};

// Splits a stream of responses (Content-Length framed; HEAD answers have no body).
std::vector<Response> split(std::string stream, bool heads = false) {
    std::vector<Response> out;
    while (!stream.empty()) {
        const std::size_t end = stream.find("\r\n\r\n");
        if (end == std::string::npos) break;
        Response r;
        r.status = std::stoi(stream.substr(9, 3));
        std::size_t at = stream.find("\r\n") + 2;
        while (at < end) {
            const std::size_t eol = stream.find("\r\n", at);
            const std::string line = stream.substr(at, eol - at);
            const std::size_t colon = line.find(':');
            r.fields[line.substr(0, colon)] = line.substr(colon + 2);
            at = eol + 2;
        }
        const std::size_t length = heads ? 0 : std::stoul(r.fields["Content-Length"]);
        r.body = stream.substr(end + 4, length);
        stream.erase(0, end + 4 + length);
        out.push_back(r);
    }
    return out;
}

class ServerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        site.add("/index.html", "<h1>home</h1>");
        site.add("/style.css", "body{}");
        site.add("/sub/index.html", "<p>sub</p>");
        site.add("/sub/page.html", "page");
        site.add("/empty-dir/x/y.txt", "y");
        std::string big(3 << 20, '\0');
        for (std::size_t i = 0; i < big.size(); ++i)
            big[i] = static_cast<char>(i * 7 + i / 4096);
        site.add("/big.bin", big);
    }
    Client connect() {
        auto id = server.accept(0);
        EXPECT_TRUE(id);
        return Client{server, id.value_or(0)};
    }
    MemorySite site;
    Server server{site};
};

TEST_F(ServerTest, ServesFilesWithTypeAndLengthAndKeepsAlive) {
    Client c = connect();
    c.send("GET /style.css HTTP/1.1\r\nHost: h\r\n\r\n");
    auto r = split(c.take());
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].status, 200);
    EXPECT_EQ(r[0].fields["Content-Type"], "text/css; charset=utf-8");
    EXPECT_EQ(r[0].fields["Content-Length"], "6");
    EXPECT_EQ(r[0].fields["Connection"], "keep-alive");
    EXPECT_EQ(r[0].body, "body{}");
    EXPECT_FALSE(server.should_close(c.id));
    c.send("GET /sub/page.html HTTP/1.1\r\nHost: h\r\n\r\n");
    EXPECT_EQ(split(c.take())[0].body, "page");
    server.closed(c.id);
    EXPECT_EQ(site.open_handles, 0);
    EXPECT_EQ(server.stats().open, 0u);
}

TEST_F(ServerTest, HeadHasNoBody) {
    Client c = connect();
    c.send("HEAD /index.html HTTP/1.1\r\nHost: h\r\n\r\n");
    const std::string raw = c.take();
    auto r = split(raw, true);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].fields["Content-Length"], "13");
    EXPECT_EQ(raw.substr(raw.size() - 4), "\r\n\r\n");
}

TEST_F(ServerTest, DirectoriesRedirectOrServeTheirIndex) {
    Client c = connect();
    c.send("GET /sub?q=1 HTTP/1.1\r\nHost: h\r\n\r\n");
    auto r = split(c.take());
    EXPECT_EQ(r[0].status, 301);
    EXPECT_EQ(r[0].fields["Location"], "/sub/?q=1");
    c.send("GET /sub/ HTTP/1.1\r\nHost: h\r\n\r\n");
    r = split(c.take());
    EXPECT_EQ(r[0].status, 200);
    EXPECT_EQ(r[0].body, "<p>sub</p>");
    EXPECT_EQ(r[0].fields["Content-Type"], "text/html; charset=utf-8");
    c.send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    EXPECT_EQ(split(c.take())[0].body, "<h1>home</h1>");
    c.send("GET /empty-dir/ HTTP/1.1\r\nHost: h\r\n\r\n");
    EXPECT_EQ(split(c.take())[0].status, 404);
    c.send("GET /nothing HTTP/1.1\r\nHost: h\r\n\r\n");
    r = split(c.take());
    EXPECT_EQ(r[0].status, 404);
    EXPECT_EQ(r[0].fields["Connection"], "keep-alive");
    EXPECT_NE(r[0].body.find("404 Not Found"), std::string::npos);
}

TEST_F(ServerTest, PipelinedRequestsAnswerInOrder) {
    Client c = connect();
    c.send(
        "GET /style.css HTTP/1.1\r\nHost: h\r\n\r\nGET /sub/page.html HTTP/1.1\r\nHost: h\r\n\r\n"
        "GET /nothing HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    auto r = split(c.take(7));
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].body, "body{}");
    EXPECT_EQ(r[1].body, "page");
    EXPECT_EQ(r[2].status, 404);
    EXPECT_EQ(r[2].fields["Connection"], "close");
    EXPECT_TRUE(server.should_close(c.id));
}

TEST_F(ServerTest, BadRequestsAreAnsweredAndClosed) {
    for (std::string_view bad :
         {"\x16\x03\x01garbage\r\n\r\n", "GET /../x HTTP/1.1\r\nHost: h\r\n\r\n",
          "GET / HTTP/1.1\r\n\r\n"}) {
        Client c = connect();
        c.send(bad);
        auto r = split(c.take());
        ASSERT_EQ(r.size(), 1u);
        EXPECT_EQ(r[0].status, 400);
        EXPECT_EQ(r[0].fields["Connection"], "close");
        EXPECT_TRUE(server.should_close(c.id));
        server.closed(c.id);
    }
    Client c = connect();
    c.send("PUT /x HTTP/1.1\r\nHost: h\r\n\r\n");
    auto r = split(c.take());
    EXPECT_EQ(r[0].status, 405);
    EXPECT_EQ(r[0].fields["Allow"], "GET, HEAD");
    EXPECT_FALSE(server.should_close(c.id));
}

TEST_F(ServerTest, OversizedHeadIs431) {
    Client c = connect();
    std::string head = "GET / HTTP/1.1\r\nHost: h\r\nX: " + std::string(10000, 'a');
    const std::size_t taken = c.send(head);
    EXPECT_EQ(taken, server.limits().max_head);
    auto r = split(c.take());
    EXPECT_EQ(r[0].status, 431);
    EXPECT_TRUE(server.should_close(c.id));
    EXPECT_EQ(c.send("more"), 4u) << "dropped after the last answer";
}

TEST_F(ServerTest, LargeFileStreamsExactly) {
    Client c = connect();
    c.send("GET /big.bin HTTP/1.1\r\nHost: h\r\n\r\n");
    auto r = split(c.take(1460));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].fields["Content-Type"], "application/octet-stream");
    EXPECT_TRUE(r[0].body == site.files["/big.bin"]);
}

TEST_F(ServerTest, PendingStorageResumes) {
    site.pending_lookups = 1;
    site.pending_reads = 2;
    Client c = connect();
    c.send("GET /style.css HTTP/1.1\r\nHost: h\r\n\r\n");
    EXPECT_EQ(c.take(), "");
    server.storage_ready();
    std::string out = c.take(); // the head, then a pending read
    server.storage_ready();
    out += c.take();
    server.storage_ready();
    out += c.take();
    EXPECT_EQ(split(out)[0].body, "body{}");
}

TEST_F(ServerTest, ConnectionLimitRefusesCleanly) {
    std::vector<ConnectionId> ids;
    for (int i = 0; i < 32; ++i)
        ids.push_back(connect().id);
    EXPECT_EQ(server.accept(0), std::nullopt);
    EXPECT_EQ(server.stats().refused, 1u);
    EXPECT_NE(Server::refusal().find("503"), std::string_view::npos);
    EXPECT_EQ(split(std::string(Server::refusal()))[0].body, "too many connections");
    server.closed(ids[5]);
    EXPECT_TRUE(server.accept(0));
}

TEST_F(ServerTest, IdleAndSlowClientsTimeOut) {
    Client idle = connect();
    Client slow = connect();
    slow.send("GET / HTTP/1.1\r\n");
    Client stuck = connect();
    stuck.send("GET /big.bin HTTP/1.1\r\nHost: h\r\n\r\n");
    (void)stuck.take(); // (the test reads everything; pretend the client stopped reading:)
    Client stalled = connect();
    stalled.send("GET /big.bin HTTP/1.1\r\nHost: h\r\n\r\n");
    EXPECT_TRUE(server.expired(5000).empty());
    auto first = server.expired(10001);
    EXPECT_EQ(first, std::vector<ConnectionId>{});
    slow.now = 10001;
    auto r = split(slow.take());
    EXPECT_EQ(r[0].status, 408);
    auto second = server.expired(15001);
    EXPECT_EQ(second, std::vector<ConnectionId>({idle.id, stuck.id}));
    server.closed(idle.id);
    server.closed(stuck.id);
    auto third = server.expired(30001);
    EXPECT_EQ(third, std::vector<ConnectionId>({stalled.id}));
    server.closed(stalled.id);
    server.closed(slow.id);
    EXPECT_EQ(server.stats().open, 0u);
    EXPECT_EQ(site.open_handles, 0);
}

TEST_F(ServerTest, PeerCloseFinishesTheAnswerThenCloses) {
    Client c = connect();
    c.send("GET /style.css HTTP/1.1\r\nHost: h\r\n\r\n");
    server.peer_closed(c.id);
    EXPECT_EQ(split(c.take())[0].body, "body{}");
    EXPECT_TRUE(server.should_close(c.id));
    Client half = connect();
    half.send("GET / HT");
    server.peer_closed(half.id);
    EXPECT_TRUE(server.should_close(half.id));
}

} // namespace
