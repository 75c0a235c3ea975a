// A Site held in memory for tests and fuzzing: files by path, directories implied by them, and
// a switch that makes lookups and reads answer "later" once.
#pragma once

#include <sel4/http/server.hpp>

#include <cstring>
#include <map>
#include <set>
#include <string>

namespace sel4::http::testing {

class MemorySite : public Site {
  public:
    void add(const std::string& path, std::string content) {
        files[path] = std::move(content);
        for (std::size_t slash = path.rfind('/'); slash != 0 && slash != std::string::npos;
             slash = path.rfind('/', slash - 1))
            directories.insert(path.substr(0, slash));
    }

    Found open(std::string_view path) override {
        if (pending_lookups > 0) {
            --pending_lookups;
            return {Kind::pending};
        }
        const std::string key(path);
        if (key == "/" || directories.count(key)) return {Kind::directory};
        auto it = files.find(key);
        if (it == files.end()) return {Kind::missing};
        ++open_handles;
        const std::uint32_t handle = next_handle++;
        handles[handle] = &it->second;
        return {Kind::file, it->second.size(), handle};
    }

    Read read(std::uint32_t handle, std::uint64_t offset, std::span<std::byte> out) override {
        if (pending_reads > 0) {
            --pending_reads;
            return {0, true, false};
        }
        auto it = handles.find(handle);
        if (it == handles.end()) return {0, false, true};
        const std::string& content = *it->second;
        if (offset >= content.size()) return {0, false, false};
        const std::size_t n = std::min<std::size_t>(out.size(), content.size() - offset);
        std::memcpy(out.data(), content.data() + offset, n);
        return {n, false, false};
    }

    void close(std::uint32_t handle) override {
        if (handles.erase(handle)) --open_handles;
    }

    std::map<std::string, std::string> files;
    std::set<std::string> directories;
    std::map<std::uint32_t, const std::string*> handles;
    std::uint32_t next_handle = 1;
    int open_handles = 0;
    int pending_lookups = 0;
    int pending_reads = 0;
};

} // namespace sel4::http::testing
