// The server over the demo's own disk (examples/microkit/http-server/make_disk.py), read by the
// FAT reader through a device that answers later, as the virtio-blk rings do.
#include <sel4/http/fat_site.hpp>

#include <gtest/gtest.h>

#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace sel4;
namespace fs = std::filesystem;

namespace {

std::string load(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class LaterDevice : public fat::BlockDevice {
  public:
    explicit LaterDevice(std::string bytes) : bytes_(std::move(bytes)) {}
    std::uint64_t sector_count() const override { return bytes_.size() / sector_size; }
    fat::Error read(std::uint64_t sector, std::span<std::byte> out) override {
        queue_.push_back({sector, out});
        return fat::Error::pending;
    }
    bool answer(fat::BlockCache& cache) {
        if (queue_.empty()) return false;
        while (!queue_.empty()) {
            auto [sector, out] = queue_.front();
            queue_.pop_front();
            std::memcpy(out.data(), bytes_.data() + sector * sector_size, out.size());
            cache.complete(sector, true);
        }
        return true;
    }

  private:
    std::string bytes_;
    std::deque<std::pair<std::uint64_t, std::span<std::byte>>> queue_;
};

class DemoDisk : public ::testing::Test {
  protected:
    void SetUp() override {
        const fs::path dir = std::getenv("HTTP_DEMO_DISK") ? std::getenv("HTTP_DEMO_DISK") : "disk";
        tree = dir / "tree";
        device = std::make_unique<LaterDevice>(load(dir / "disk.img"));
        cache = std::make_unique<fat::BlockCache>(*device, 64);
        for (int i = 0; i < 100 && !volume; ++i) {
            auto mounted = fat::Volume::mount(*cache);
            if (mounted)
                volume.emplace(std::move(*mounted));
            else
                ASSERT_EQ(mounted.error(), fat::Error::pending) << fat::describe(mounted.error());
            device->answer(*cache);
        }
        ASSERT_TRUE(volume);
        site = std::make_unique<http::FatSite>(*volume, 40);
        server = std::make_unique<http::Server>(*site);
    }

    // Sends a request on a new connection and runs the server and the disk until it answers.
    std::string fetch(const std::string& request) {
        const auto id = server->accept(0);
        EXPECT_TRUE(id);
        EXPECT_EQ(server->receive(*id, std::as_bytes(std::span(request.data(), request.size())), 0),
                  request.size());
        std::string out;
        std::vector<std::byte> buffer(2920);
        for (int idle = 0; idle < 3 && !server->should_close(*id);) {
            const std::size_t n = server->pull(*id, buffer, 0);
            out.append(reinterpret_cast<const char*>(buffer.data()), n);
            if (n == 0) {
                idle = device->answer(*cache) ? 0 : idle + 1;
                server->storage_ready();
            }
        }
        server->closed(*id);
        return out;
    }

    fs::path tree;
    std::unique_ptr<LaterDevice> device;
    std::unique_ptr<fat::BlockCache> cache;
    std::optional<fat::Volume> volume;
    std::unique_ptr<http::FatSite> site;
    std::unique_ptr<http::Server> server;
};

std::string body_of(const std::string& response) {
    return response.substr(response.find("\r\n\r\n") + 4);
}

TEST_F(DemoDisk, EveryFileOfTheSiteIsServedIdentical) {
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(tree)) {
        if (entry.is_directory()) continue;
        const std::string path = "/" + fs::relative(entry.path(), tree).generic_string();
        const std::string response =
            fetch("GET " + path + " HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        ASSERT_EQ(response.substr(0, 15), "HTTP/1.1 200 OK") << path;
        EXPECT_TRUE(body_of(response) == load(entry.path())) << path;
        ++files;
    }
    EXPECT_GE(files, 6);
    EXPECT_EQ(site->open_files(), 0u);
    EXPECT_EQ(server->stats().open, 0u);
}

TEST_F(DemoDisk, IndexRedirectAndMissing) {
    EXPECT_EQ(body_of(fetch("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")),
              load(tree / "index.html"));
    const std::string moved = fetch("GET /docs HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(moved.substr(0, 12), "HTTP/1.1 301");
    EXPECT_NE(moved.find("\r\nLocation: /docs/\r\n"), std::string::npos);
    EXPECT_EQ(body_of(fetch("GET /docs/ HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")),
              load(tree / "docs/index.html"));
    EXPECT_EQ(
        fetch("GET /nope.html HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").substr(0, 12),
        "HTTP/1.1 404");
    EXPECT_EQ(fetch("GET /files/ HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").substr(0, 12),
              "HTTP/1.1 404");
    EXPECT_EQ(fetch("GET /%2e%2e/x HTTP/1.1\r\nHost: h\r\n\r\n").substr(0, 12), "HTTP/1.1 400");
    const std::string png =
        fetch("GET /images/pattern.png HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    EXPECT_NE(png.find("Content-Type: image/png\r\n"), std::string::npos);
    EXPECT_EQ(body_of(png).substr(1, 3), "PNG");
}

} // namespace
