// The HTTP and HTTPS server PD: lwIP's raw API on the virtio-net driver's queues, the HTTP
// server of sel4-http on port 80 and, behind mbedTLS, on port 443; files from the FAT volume on
// the virtio-blk driver's queues; time and timeouts from the timer PD; entropy from virtio-rng.
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include <lwip/tcp.h>
#include <sel4/drivers/clients.hpp>
#include <sel4/fat/volume.hpp>
#include <sel4/http/fat_site.hpp>
#include <sel4/http/server.hpp>
#include <sel4/lwip/net_interface.hpp>
#include <sel4/microkit.hpp>
#include <sel4/runtime/heap.hpp>
#include <sel4/tls/session.hpp>

#include "ring_block_device.hpp"

using namespace sel4::microkit;

extern "C" {
extern Region<std::byte> rx_free;
extern Region<std::byte> rx_active;
extern Region<std::byte> tx_free;
extern Region<std::byte> tx_active;
extern std::uint64_t net_queue_size;
extern Region<std::byte> rx_data;
extern std::uint64_t rx_data_size;
extern Region<std::byte> tx_data;
extern std::uint64_t tx_data_size;
extern Region<sel4::rings::blk::StorageInfo> storage_info;
extern Region<std::byte> blk_requests;
extern Region<std::byte> blk_responses;
extern std::uint64_t blk_queue_size;
extern Region<std::byte> blk_data;
extern std::uint64_t blk_data_size;
extern const char sel4_https_certificate[];
extern const char sel4_https_key[];
}
Region<std::byte> rx_free{};
Region<std::byte> rx_active{};
Region<std::byte> tx_free{};
Region<std::byte> tx_active{};
std::uint64_t net_queue_size{};
Region<std::byte> rx_data{};
std::uint64_t rx_data_size{};
Region<std::byte> tx_data{};
std::uint64_t tx_data_size{};
Region<sel4::rings::blk::StorageInfo> storage_info{};
Region<std::byte> blk_requests{};
Region<std::byte> blk_responses{};
std::uint64_t blk_queue_size{};
Region<std::byte> blk_data{};
std::uint64_t blk_data_size{};

namespace {

constexpr Channel net_driver{0};
constexpr sel4::drivers::TimerClient timer{Channel{1}};
constexpr Channel blk_driver{2};
constexpr sel4::drivers::RngClient rng{Channel{3}};
constexpr std::uint64_t tick_ns = 100'000'000;
constexpr std::uint32_t net_ring_capacity = 512;
constexpr std::size_t connections_per_port = 32;
constexpr std::size_t cache_lines = 512; // 2 MiB of 4 KiB blocks
constexpr const char* status_path = "/.well-known/sel4-server-status";

std::uint64_t now_ms() {
    return timer.now_ns() / 1'000'000;
}

int entropy(void*, unsigned char* out, std::size_t length) {
    return rng.read(std::as_writable_bytes(std::span(out, length))) == length ? 0 : -1;
}

// Everything the PD owns, built in init().
struct State;
State* state = nullptr;

// One TCP connection and what is between it and the HTTP server.
struct Connection {
    tcp_pcb* pcb = nullptr;
    bool tls = false;
    sel4::http::ConnectionId id = 0;
    std::unique_ptr<sel4::tls::HttpsStream> stream; // HTTPS only
    std::string backlog;                            // received, not yet taken
    std::array<std::byte, 4096> out{};              // pulled, not yet queued in lwIP
    std::size_t out_start = 0, out_end = 0;
    bool in_use = false;
    bool close_wanted = false;
};

// The site, with one generated page: the server's own counters, for tests and curious users.
class StatusSite : public sel4::http::Site {
  public:
    StatusSite(sel4::http::Site& files) : files_(files) {}
    Found open(std::string_view path) override {
        if (path != status_path) return files_.open(path);
        std::string().swap(page_); // measured without the last page held
        page_ = render();
        return {Kind::file, page_.size(), status_handle};
    }
    Read read(std::uint32_t handle, std::uint64_t offset, std::span<std::byte> out) override {
        if (handle != status_handle) return files_.read(handle, offset, out);
        const std::size_t n =
            offset < page_.size() ? std::min(out.size(), page_.size() - offset) : 0;
        std::memcpy(out.data(), page_.data() + offset, n);
        return {n, false, false};
    }
    void close(std::uint32_t handle) override {
        if (handle != status_handle) files_.close(handle);
    }
    std::string render() const;

  private:
    static constexpr std::uint32_t status_handle = 0xffff'ffff;
    sel4::http::Site& files_;
    std::string page_;
};

struct State {
    http_server::RingBlockDevice disk;
    sel4::fat::BlockCache cache{disk, cache_lines};
    std::optional<sel4::fat::Volume> volume;
    std::optional<sel4::http::FatSite> files;
    std::optional<StatusSite> site;
    std::optional<sel4::http::Server> http;
    std::optional<sel4::http::Server> https;
    std::optional<sel4::tls::Context> tls;
    sel4::lwip::NetInterface net;
    std::array<Connection, connections_per_port> plain{};
    std::array<Connection, connections_per_port> secure{};
    std::uint64_t tls_failures = 0;
    std::uint64_t refused = 0;
    std::size_t baseline_heap = 0;
    bool serving = false;
};

std::size_t heap_in_use() {
    return sel4::runtime::heap_statistics().used_bytes;
}
std::size_t heap_blocks() {
    return sel4::runtime::heap_statistics().used_blocks;
}

std::string StatusSite::render() const {
    const auto& h = state->http->stats();
    const auto& s = state->https->stats();
    const auto& c = state->cache.stats();
    char text[1024];
    std::snprintf(
        text, sizeof text,
        "{\"heap_in_use\": %zu, \"heap_blocks\": %zu, \"http_open\": %zu, \"https_open\": %zu, "
        "\"http_accepted\": %llu, \"https_accepted\": %llu, \"refused\": %llu, "
        "\"requests\": %llu, \"timeouts\": %llu, \"tls_failures\": %llu, "
        "\"open_files\": %zu, \"cache_hits\": %llu, \"cache_misses\": %llu, "
        "\"disk_requests\": %llu, \"rx_dropped\": %llu, \"tx_dropped\": %llu, "
        "\"net_peer_errors\": %llu}\n",
        heap_in_use(), heap_blocks(), h.open, s.open, (unsigned long long)h.accepted,
        (unsigned long long)s.accepted, (unsigned long long)state->refused,
        (unsigned long long)(h.requests + s.requests),
        (unsigned long long)(h.timeouts + s.timeouts), (unsigned long long)state->tls_failures,
        state->files->open_files(), (unsigned long long)c.hits, (unsigned long long)c.misses,
        (unsigned long long)state->disk.requests(),
        (unsigned long long)state->net.stats().rx_dropped,
        (unsigned long long)state->net.stats().tx_dropped,
        (unsigned long long)state->net.stats().peer_errors);
    return text;
}

sel4::http::Server& server_of(const Connection& c) {
    return c.tls ? *state->https : *state->http;
}

std::size_t stream_receive(Connection& c, std::span<const std::byte> bytes) {
    return c.tls ? c.stream->receive(bytes, now_ms()) : state->http->receive(c.id, bytes, now_ms());
}
std::size_t stream_pull(Connection& c, std::span<std::byte> out) {
    return c.tls ? c.stream->pull(out, now_ms()) : state->http->pull(c.id, out, now_ms());
}
bool stream_should_close(const Connection& c) {
    return c.tls ? c.stream->should_close() : state->http->should_close(c.id);
}

void release(Connection& c) {
    if (c.tls && c.stream && c.stream->session().phase() == sel4::tls::Session::Phase::failed)
        ++state->tls_failures;
    server_of(c).closed(c.id);
    c.stream.reset();
    std::string().swap(c.backlog);
    c.pcb = nullptr;
    c.in_use = false;
}

void close_connection(Connection& c) {
    tcp_pcb* pcb = c.pcb;
    tcp_arg(pcb, nullptr);
    tcp_recv(pcb, nullptr);
    tcp_sent(pcb, nullptr);
    tcp_err(pcb, nullptr);
    tcp_poll(pcb, nullptr, 0);
    if (tcp_close(pcb) != ERR_OK) tcp_abort(pcb);
    release(c);
}

// Moves what can move: received bytes into the server, its answer into lwIP; closes when done.
void pump(Connection& c) {
    if (!c.in_use) return;
    while (!c.backlog.empty()) {
        const std::size_t taken =
            stream_receive(c, std::as_bytes(std::span(c.backlog.data(), c.backlog.size())));
        if (taken == 0) break;
        c.backlog.erase(0, taken);
        tcp_recved(c.pcb, static_cast<u16_t>(taken));
    }
    for (;;) {
        if (c.out_start == c.out_end) {
            c.out_start = 0;
            c.out_end = stream_pull(c, c.out);
            if (c.out_end == 0) break;
        }
        const std::size_t room = tcp_sndbuf(c.pcb);
        const std::size_t n = std::min(room, c.out_end - c.out_start);
        if (n == 0 || tcp_sndqueuelen(c.pcb) >= TCP_SND_QUEUELEN - 4) break;
        if (tcp_write(c.pcb, c.out.data() + c.out_start, static_cast<u16_t>(n),
                      TCP_WRITE_FLAG_COPY) != ERR_OK)
            break; // lwIP's memory is short: try again when something is acknowledged
        c.out_start += n;
    }
    tcp_output(c.pcb);
    // Closed later, outside lwIP's input processing: a FIN that came with the last request is
    // only accounted for after the receive callback, and closing before that would reset.
    c.close_wanted = c.out_start == c.out_end && stream_should_close(c);
}

void close_finished() {
    for (auto* port : {&state->plain, &state->secure})
        for (Connection& c : *port)
            if (c.in_use && c.close_wanted) close_connection(c);
}

void pump_all() {
    for (auto* port : {&state->plain, &state->secure})
        for (Connection& c : *port)
            pump(c);
}

err_t on_receive(void* arg, tcp_pcb*, pbuf* p, err_t) {
    auto* c = static_cast<Connection*>(arg);
    if (!c) {
        if (p) pbuf_free(p);
        return ERR_OK;
    }
    if (!p) {
        if (c->tls)
            c->stream->peer_closed();
        else
            state->http->peer_closed(c->id);
        pump(*c);
        return ERR_OK;
    }
    // Held until the server takes it; the window stays closed for what it has not taken.
    for (pbuf* q = p; q; q = q->next)
        c->backlog.append(static_cast<const char*>(q->payload), q->len);
    pbuf_free(p);
    pump(*c);
    return ERR_OK;
}

err_t on_sent(void* arg, tcp_pcb*, u16_t) {
    if (auto* c = static_cast<Connection*>(arg)) pump(*c);
    return ERR_OK;
}

err_t on_poll(void* arg, tcp_pcb*) {
    if (auto* c = static_cast<Connection*>(arg)) pump(*c);
    return ERR_OK;
}

void on_error(void* arg, err_t) {
    // lwIP has freed the pcb already.
    if (auto* c = static_cast<Connection*>(arg)) {
        if (c->in_use) release(*c);
    }
}

err_t on_accept(void* arg, tcp_pcb* pcb, err_t err) {
    if (err != ERR_OK || !pcb) return ERR_VAL;
    const bool tls = arg != nullptr;
    auto& server = tls ? *state->https : *state->http;
    const auto id = server.accept(now_ms());
    if (!id) {
        // Full: a plain client is told so; a TLS client cannot be without a handshake.
        ++state->refused;
        if (!tls) {
            const auto refusal = sel4::http::Server::refusal();
            tcp_write(pcb, refusal.data(), static_cast<u16_t>(refusal.size()), TCP_WRITE_FLAG_COPY);
            tcp_output(pcb);
        }
        if (tcp_close(pcb) != ERR_OK) {
            tcp_abort(pcb);
            return ERR_ABRT;
        }
        return ERR_OK;
    }
    Connection& c = (tls ? state->secure : state->plain)[*id];
    c.pcb = pcb;
    c.tls = tls;
    c.id = *id;
    c.in_use = true;
    c.close_wanted = false;
    c.out_start = c.out_end = 0;
    if (tls) c.stream = std::make_unique<sel4::tls::HttpsStream>(*state->tls, server, *id);
    tcp_nagle_disable(pcb);
    tcp_arg(pcb, &c);
    tcp_recv(pcb, on_receive);
    tcp_sent(pcb, on_sent);
    tcp_err(pcb, on_error);
    tcp_poll(pcb, on_poll, 2);
    return ERR_OK;
}

bool listen_on(u16_t port, void* arg) {
    tcp_pcb* pcb = tcp_new();
    if (!pcb || tcp_bind(pcb, IP_ADDR_ANY, port) != ERR_OK) return false;
    pcb = tcp_listen_with_backlog(pcb, 255);
    if (!pcb) return false;
    tcp_arg(pcb, arg);
    tcp_accept(pcb, on_accept);
    return true;
}

// Mounting waits for the disk like any read: retried after every answer until it is done.
void try_mount() {
    if (state->volume) return;
    auto volume = sel4::fat::Volume::mount(state->cache);
    if (!volume) {
        if (volume.error() != sel4::fat::Error::pending)
            std::printf("http-server: FAILED: the disk: %s\n",
                        sel4::fat::describe(volume.error()).data());
        return;
    }
    state->volume.emplace(std::move(*volume));
    state->files.emplace(*state->volume, 2 * connections_per_port + 4);
    state->site.emplace(*state->files);
    sel4::http::Limits limits;
    limits.max_connections = connections_per_port;
    state->http.emplace(*state->site, limits);
    state->https.emplace(*state->site, limits);
    if (!listen_on(80, nullptr) || !listen_on(443, &state->secure)) {
        std::printf("http-server: FAILED: cannot listen on ports 80 and 443\n");
        return;
    }
    state->serving = true;
    state->baseline_heap = heap_in_use();
    std::printf("http-server: FAT%s volume, %u clusters of %u bytes\n",
                state->volume->type() == sel4::fat::FatType::fat16 ? "16" : "32",
                state->volume->cluster_count(), state->volume->cluster_size());
    std::printf("http-server: serving HTTP on port 80 and HTTPS on port 443 of 10.0.2.15 (heap %zu "
                "KiB in use)\n",
                state->baseline_heap / 1024);
}

} // namespace

class HttpServer : public ProtectionDomain {
    static bool network_ok(sel4::rings::Result<void> result) {
        if (result) return true;
        std::printf("http-server: FAILED: network driver: %s\n",
                    sel4::rings::describe(result.error()).data());
        return false;
    }

    // Takes the disk driver's answers, then serves what waited for them.
    static bool disk_answers() {
        if (state->disk.complete(state->cache) < 0) {
            std::printf("http-server: FAILED: the disk driver broke its queues\n");
            return false;
        }
        try_mount();
        if (state->serving) {
            state->http->storage_ready();
            state->https->storage_ready();
            pump_all();
        }
        return true;
    }

    void init() override {
        state = new State;
        sel4::lwip::set_clock([] { return timer.now_ns(); });
        std::uint64_t seed = 0;
        if (rng.read(std::as_writable_bytes(std::span(&seed, 1))) != sizeof seed) {
            std::printf("http-server: FAILED: no entropy from virtio-rng\n");
            return;
        }
        sel4::lwip::seed_random(seed);
        state->tls.emplace(sel4_https_certificate, sel4_https_key, entropy, nullptr);
        if (!state->tls->ok()) {
            std::printf("http-server: FAILED: TLS: %s\n", state->tls->error().c_str());
            return;
        }
        const auto info = sel4::rings::blk::read_storage_info(*storage_info.get());
        if (!info ||
            !state->disk.attach(blk_requests.get(), blk_responses.get(), blk_queue_size,
                                blk_data.get(), blk_data_size, info->capacity, blk_driver)) {
            std::printf("http-server: FAILED: the disk driver's queues are not usable\n");
            return;
        }
        const sel4::lwip::NetQueues queues{
            rx_free.get(),     rx_active.get(), tx_free.get(), tx_active.get(), net_queue_size,
            net_ring_capacity, rx_data.get(),   rx_data_size,  tx_data.get(),   tx_data_size};
        auto started = state->net.start(queues, sel4::drivers::query_mac(net_driver),
                                        {{10, 0, 2, 15}, {255, 255, 255, 0}, {10, 0, 2, 2}},
                                        [] { net_driver.notify(); });
        if (!started) {
            std::printf("http-server: FAILED: network: %s\n",
                        sel4::rings::describe(started.error()).data());
            return;
        }
        try_mount();
        timer.set_timeout(tick_ns);
    }

    void notified(Channel channel) override {
        if (channel == net_driver) {
            if (!network_ok(state->net.receive())) return;
        } else if (channel == blk_driver) {
            if (!disk_answers()) return;
        } else if (channel == timer.channel()) {
            timer.set_timeout(tick_ns);
            // Both drivers' queues are looked at on every tick too, so that a notification
            // lost on either side of a queue delays it by a tick rather than for good.
            if (!network_ok(state->net.tick()) || !disk_answers()) return;
            state->disk.nudge();
            if (state->serving) {
                const std::uint64_t now = now_ms();
                for (auto* port : {&state->plain, &state->secure}) {
                    auto& server = port == &state->plain ? *state->http : *state->https;
                    for (const auto id : server.expired(now))
                        if ((*port)[id].in_use) close_connection((*port)[id]);
                }
                pump_all();
            }
        }
        state->net.poll();
        if (state->serving) close_finished();
    }
};

SEL4_MICROKIT_PD(HttpServer, .heap_size = 16 << 20)
