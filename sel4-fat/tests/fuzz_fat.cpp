// libFuzzer target: a corrupt disk. The device is much larger than the input and wraps around
// it, so that every offset the BPB or a directory names lands in fuzzed bytes. Mounting, listing
// every directory and reading every file must end with a value or an error, never a crash.
#include <sel4/fat/volume.hpp>

#include <cstring>
#include <vector>

using namespace sel4::fat;

namespace {

class WrappingDevice : public BlockDevice {
  public:
    WrappingDevice(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    std::uint64_t sector_count() const override { return (256u << 20) / sector_size; }
    Error read(std::uint64_t sector, std::span<std::byte> out) override {
        std::uint64_t at = sector * sector_size;
        for (auto& byte : out)
            byte = std::byte(data_[at++ % size_]);
        return Error::none;
    }

  private:
    const std::uint8_t* data_;
    std::size_t size_;
};

void walk(const Volume& volume, const Node& directory, int depth, int& budget) {
    std::vector<Node> children;
    (void)volume.list(directory, [&](const Node& node) {
        children.push_back(node);
        return --budget > 0;
    });
    for (const Node& child : children) {
        if (child.directory) {
            if (depth < 4 && budget > 0) walk(volume, child, depth + 1, budget);
            continue;
        }
        auto file = volume.open(child);
        if (!file) continue;
        std::vector<std::byte> buffer(3000);
        for (std::uint64_t offset = 0; offset < file->size() && offset < 65536;) {
            auto read = volume.read(*file, offset, buffer);
            if (!read || *read == 0) break;
            offset += *read;
        }
        (void)volume.read(*file, file->size() / 2, buffer); // a seek backwards or forwards
        (void)volume.find(directory, child.name);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 512) return 0;
    WrappingDevice device(data, size);
    BlockCache cache(device, 8, 4096);
    auto volume = Volume::mount(cache);
    if (!volume) return 0;
    int budget = 2000;
    walk(*volume, volume->root(), 0, budget);
    (void)volume->lookup("/sub directory/x.txt");
    return 0;
}
