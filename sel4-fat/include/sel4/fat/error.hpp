// Errors of the FAT reader as values, and a small Result<T> the caller cannot ignore. No
// exceptions: the same code runs in a protection domain and in host tests.
#pragma once

#include <cassert>
#include <optional>
#include <string_view>
#include <utility>

namespace sel4::fat {

enum class Error {
    none,
    pending,         // the block device will answer later: retry after BlockCache::complete
    io,              // the device failed a read
    out_of_range,    // a read past the end of the device
    no_file_system,  // neither an MBR with a FAT partition nor a FAT boot sector
    bad_partition,   // an MBR partition outside the disk
    bad_boot_sector, // a BPB field is impossible
    unsupported,     // FAT12, or a sector/cluster size this reader refuses
    bad_cluster,     // a cluster number outside the volume, free or bad in a chain
    chain_too_long,  // a chain longer than its file or directory can be (or a loop)
    chain_too_short, // a chain that ends before its file does
    bad_entry,       // a directory entry with impossible values
    not_found,
    not_a_directory,
    is_a_directory,
    bad_path,
};

constexpr std::string_view describe(Error error) {
    switch (error) {
    case Error::none:
        return "no error";
    case Error::pending:
        return "block read in progress";
    case Error::io:
        return "block device read failed";
    case Error::out_of_range:
        return "read past the end of the device";
    case Error::no_file_system:
        return "no FAT file system (no MBR FAT partition, no FAT boot sector)";
    case Error::bad_partition:
        return "MBR partition lies outside the disk";
    case Error::bad_boot_sector:
        return "FAT boot sector has impossible values";
    case Error::unsupported:
        return "unsupported FAT variant (FAT12 or an unusual sector or cluster size)";
    case Error::bad_cluster:
        return "cluster chain holds a free, bad or out-of-range cluster";
    case Error::chain_too_long:
        return "cluster chain is longer than its file or directory (or loops)";
    case Error::chain_too_short:
        return "cluster chain ends before its file does";
    case Error::bad_entry:
        return "directory entry has impossible values";
    case Error::not_found:
        return "no such file or directory";
    case Error::not_a_directory:
        return "not a directory";
    case Error::is_a_directory:
        return "is a directory";
    case Error::bad_path:
        return "path has an empty, '.' or '..' component or an invalid character";
    }
    return "unknown error";
}

// A value or an Error (never Error::none).
template <class T>
class [[nodiscard]] Result {
  public:
    Result(T value) : value_(std::move(value)) {}
    Result(Error error) : error_(error) { assert(error != Error::none); }

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }
    Error error() const { return error_; }

    T& value() & {
        assert(ok());
        return *value_;
    }
    const T& value() const& {
        assert(ok());
        return *value_;
    }
    T&& value() && {
        assert(ok());
        return std::move(*value_);
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

  private:
    std::optional<T> value_;
    Error error_ = Error::none;
};

} // namespace sel4::fat
