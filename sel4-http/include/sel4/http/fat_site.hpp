// A Site over a read-only FAT volume (sel4-fat): lookups and reads that meet a block the cache
// is still waiting for answer "pending", and the server retries them after storage_ready().
#pragma once

#include <optional>
#include <vector>

#include <sel4/fat/volume.hpp>
#include <sel4/http/server.hpp>

namespace sel4::http {

class FatSite : public Site {
  public:
    FatSite(const fat::Volume& volume, std::size_t max_open) : volume_(volume), files_(max_open) {}

    Found open(std::string_view path) override {
        auto node = volume_.lookup(path);
        if (!node) return {kind_of(node.error())};
        if (node->directory) return {Kind::directory};
        auto file = volume_.open(*node);
        if (!file) return {kind_of(file.error())};
        for (std::size_t i = 0; i < files_.size(); ++i) {
            if (!files_[i]) {
                files_[i] = std::move(*file);
                ++open_;
                return {Kind::file, files_[i]->size(), static_cast<std::uint32_t>(i)};
            }
        }
        return {
            Kind::error}; // more open files than connections: cannot happen with max_open >= them
    }

    Read read(std::uint32_t handle, std::uint64_t offset, std::span<std::byte> out) override {
        if (handle >= files_.size() || !files_[handle]) return {0, false, true};
        auto got = volume_.read(*files_[handle], offset, out);
        if (!got)
            return {0, got.error() == fat::Error::pending, got.error() != fat::Error::pending};
        return {*got, false, false};
    }

    void close(std::uint32_t handle) override {
        if (handle < files_.size() && files_[handle]) {
            files_[handle].reset();
            --open_;
        }
    }

    std::size_t open_files() const { return open_; }

  private:
    static Kind kind_of(fat::Error error) {
        switch (error) {
        case fat::Error::pending:
            return Kind::pending;
        case fat::Error::not_found:
        case fat::Error::not_a_directory:
        case fat::Error::bad_path:
            return Kind::missing;
        default:
            return Kind::error;
        }
    }

    const fat::Volume& volume_;
    std::vector<std::optional<fat::File>> files_;
    std::size_t open_ = 0;
};

} // namespace sel4::http
