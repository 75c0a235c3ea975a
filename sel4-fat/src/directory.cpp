// Directories: raw 32-byte entries, long file names (VFAT), lookups by name and by path.
#include <sel4/fat/volume.hpp>

#include <algorithm>
#include <array>

#include "bytes.hpp"

namespace sel4::fat {

namespace {

constexpr std::size_t entry_size = 32;
constexpr std::uint64_t max_directory_bytes = 65536 * entry_size; // the FAT limit
constexpr std::uint8_t attr_volume_id = 0x08;
constexpr std::uint8_t attr_directory = 0x10;
constexpr std::uint8_t attr_long_name = 0x0f;
constexpr std::size_t lfn_units = 13;
constexpr std::size_t max_lfn_entries = 20; // 260 units hold the longest name, 255

std::uint8_t short_name_checksum(const std::uint8_t* entry) {
    std::uint8_t sum = 0;
    for (int i = 0; i < 11; ++i)
        sum = static_cast<std::uint8_t>(((sum & 1) << 7) + (sum >> 1) + entry[i]);
    return sum;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xc0 | c >> 6);
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xe0 | c >> 12);
        out += static_cast<char>(0x80 | (c >> 6 & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | c >> 18);
        out += static_cast<char>(0x80 | (c >> 12 & 0x3f));
        out += static_cast<char>(0x80 | (c >> 6 & 0x3f));
        out += static_cast<char>(0x80 | (c & 0x3f));
    }
}

// Collects the long-name entries that precede a short entry, and checks that they belong to it.
class LongName {
  public:
    void reset() { expected_ = 0; }

    void add(const std::uint8_t* entry) {
        const std::uint8_t sequence = entry[0];
        const std::uint8_t number = sequence & 0x1f;
        if (entry[12] != 0 || le16(entry, 26) != 0 || number == 0 || number > max_lfn_entries) {
            expected_ = 0;
            return;
        }
        if (sequence & 0x40) { // the last part comes first
            count_ = number;
            checksum_ = entry[13];
        } else if (expected_ == 0 || number != expected_ - 1 || entry[13] != checksum_) {
            expected_ = 0; // an orphan: ignore it, as other systems do
            return;
        }
        expected_ = number;
        static constexpr std::size_t offsets[lfn_units] = {1,  3,  5,  7,  9,  14, 16,
                                                           18, 20, 22, 24, 28, 30};
        for (std::size_t i = 0; i < lfn_units; ++i)
            units_[(number - 1) * lfn_units + i] = le16(entry, offsets[i]);
    }

    // The long name for this short entry, if the parts were complete and belong to it.
    bool take(const std::uint8_t* short_entry, std::string& name) {
        const bool complete = expected_ == 1 && short_name_checksum(short_entry) == checksum_;
        expected_ = 0;
        if (!complete) return false;
        name.clear();
        const std::size_t length = count_ * lfn_units;
        for (std::size_t i = 0; i < length; ++i) {
            char32_t c = units_[i];
            if (c == 0) break;
            if (c >= 0xd800 && c < 0xdc00 && i + 1 < length && units_[i + 1] >= 0xdc00 &&
                units_[i + 1] < 0xe000) {
                c = 0x10000 + ((c - 0xd800) << 10) + (units_[i + 1] - 0xdc00);
                ++i;
            } else if (c >= 0xd800 && c < 0xe000) {
                c = 0xfffd; // a lone surrogate
            }
            if (c < 0x20 || c == '/' || c == '\\')
                return false; // not a name any system writes: fall back to the short name
            append_utf8(name, c);
        }
        return !name.empty();
    }

  private:
    std::array<std::uint16_t, max_lfn_entries * lfn_units> units_{};
    std::uint8_t expected_ = 0; // the sequence number the next part must have; 0: none
    std::uint8_t count_ = 0;
    std::uint8_t checksum_ = 0;
};

// The 8.3 name as DOS shows it, lower-cased where the entry asks for it (NT flags).
bool short_name(const std::uint8_t* entry, std::string& name) {
    name.clear();
    const bool lower_base = entry[12] & 0x08;
    const bool lower_ext = entry[12] & 0x10;
    auto part = [&](std::size_t from, std::size_t length, bool lower) {
        std::size_t end = from + length;
        while (end > from && entry[end - 1] == ' ')
            --end;
        for (std::size_t i = from; i < end; ++i) {
            std::uint8_t c = entry[i];
            if (i == 0 && c == 0x05) c = 0xe5; // a name that really starts with 0xe5
            if (c < 0x20 || c == '/' || c == '\\') return false;
            if (c >= 0x80) c = '?'; // an OEM code page character: we do not know which page
            name += static_cast<char>(lower && c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        return true;
    };
    if (!part(0, 8, lower_base)) return false;
    std::string base = name;
    if (!part(8, 3, lower_ext)) return false;
    if (name.size() > base.size()) name.insert(base.size(), 1, '.');
    return !base.empty();
}

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

} // namespace

template <class Visit>
Error Volume::for_each_entry(const Node& directory, Visit&& visit) const {
    std::array<std::uint8_t, BlockDevice::sector_size> chunk;
    // Returns false when the visit ended the walk.
    auto walk = [&](std::uint64_t offset, std::uint64_t length, bool& stop) -> Error {
        for (std::uint64_t done = 0; done < length && !stop;) {
            const std::size_t count =
                static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), length - done));
            if (const Error error = cache_->read(
                    offset + done, std::as_writable_bytes(std::span(chunk.data(), count)));
                error != Error::none)
                return error;
            for (std::size_t at = 0; at + entry_size <= count && !stop; at += entry_size)
                stop = !visit(chunk.data() + at);
            done += count;
        }
        return Error::none;
    };
    bool stop = false;
    if (!directory.directory) return Error::not_a_directory;
    if (directory.first_cluster == 0) {
        if (type_ != FatType::fat16) return Error::bad_entry;
        return walk(root_offset_, std::uint64_t(root_entries_) * entry_size, stop);
    }
    const std::uint64_t max_clusters =
        std::max<std::uint64_t>(1, max_directory_bytes / cluster_size_);
    std::uint32_t cluster = directory.first_cluster;
    for (std::uint64_t clusters = 1;; ++clusters) {
        if (!valid_cluster(cluster)) return Error::bad_cluster;
        if (const Error error = walk(cluster_offset(cluster), cluster_size_, stop);
            error != Error::none)
            return error;
        if (stop) return Error::none;
        auto link = next_cluster(cluster);
        if (!link) return link.error();
        if (link->kind == Next::end) return Error::none;
        if (clusters == max_clusters)
            return Error::chain_too_long; // a directory can hold no more (or its chain loops)
        cluster = link->cluster;
    }
}

Error Volume::list(const Node& directory, NodeVisitor visit) const {
    LongName long_name;
    Node node;
    Error problem = Error::none;
    const Error error = for_each_entry(directory, [&](const std::uint8_t* entry) {
        const std::uint8_t first = entry[0];
        if (first == 0x00) return false; // the end of the directory
        if (first == 0xe5) {
            long_name.reset();
            return true;
        }
        const std::uint8_t attributes = entry[11];
        if ((attributes & 0x3f) == attr_long_name) {
            long_name.add(entry);
            return true;
        }
        if (attributes & attr_volume_id) {
            long_name.reset();
            return true;
        }
        if (first == '.') { // "." and ".." (no other short name starts with a dot)
            long_name.reset();
            return true;
        }
        std::string short_form;
        if (!short_name(entry, short_form)) {
            problem = Error::bad_entry;
            return false;
        }
        if (long_name.take(entry, node.name)) {
            node.short_name = std::move(short_form);
        } else {
            node.name = std::move(short_form);
            node.short_name.clear();
        }
        node.directory = attributes & attr_directory;
        node.size = le32(entry, 28);
        node.first_cluster = le16(entry, 26);
        if (type_ == FatType::fat32) node.first_cluster |= std::uint32_t(le16(entry, 20)) << 16;
        if (node.directory) {
            if (node.size != 0 || !valid_cluster(node.first_cluster)) {
                problem = Error::bad_entry;
                return false;
            }
        } else if (node.size != 0 && !valid_cluster(node.first_cluster)) {
            problem = Error::bad_entry;
            return false;
        }
        return visit(node);
    });
    return error != Error::none ? error : problem;
}

Result<Node> Volume::find(const Node& directory, std::string_view name) const {
    if (!directory.directory) return Error::not_a_directory;
    if (name.empty() || name == "." || name == ".." ||
        std::any_of(name.begin(), name.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == '/';
        }))
        return Error::bad_path;
    std::optional<Node> found;
    const Error error = list(directory, [&](const Node& node) {
        if (!equal_ignoring_ascii_case(node.name, name) &&
            !equal_ignoring_ascii_case(node.short_name, name))
            return true;
        found = node;
        return false;
    });
    if (error != Error::none) return error;
    if (!found) return Error::not_found;
    return std::move(*found);
}

Result<Node> Volume::lookup(std::string_view path) const {
    Node node = root();
    while (!path.empty()) {
        const std::size_t slash = path.find('/');
        const std::string_view component = path.substr(0, slash);
        path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
        if (component.empty()) continue; // leading, trailing or doubled slashes
        auto next = find(node, component);
        if (!next) return next.error();
        node = std::move(*next);
    }
    return node;
}

} // namespace sel4::fat
