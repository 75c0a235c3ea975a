// The FAT reader against images made by mkfs.fat and mcopy (tests/make_images.py), intact and
// corrupted on purpose, through devices that answer at once and devices that answer later.
#include <sel4/fat/volume.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <vector>

using namespace sel4::fat;
namespace fs = std::filesystem;

namespace {

fs::path images() {
    const char* dir = std::getenv("FAT_TEST_IMAGES");
    return dir ? fs::path(dir) : fs::path("images");
}

std::vector<std::byte> load(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::byte> out(bytes.size());
    std::memcpy(out.data(), bytes.data(), bytes.size());
    return out;
}

class MemoryDevice : public BlockDevice {
  public:
    explicit MemoryDevice(std::vector<std::byte> bytes) : bytes(std::move(bytes)) {}
    std::uint64_t sector_count() const override { return bytes.size() / sector_size; }
    Error read(std::uint64_t sector, std::span<std::byte> out) override {
        ++reads;
        std::memcpy(out.data(), bytes.data() + sector * sector_size, out.size());
        return Error::none;
    }
    std::vector<std::byte> bytes;
    int reads = 0;
};

// Answers every read later, as a driver behind a ring does.
class LaterDevice : public MemoryDevice {
  public:
    using MemoryDevice::MemoryDevice;
    Error read(std::uint64_t sector, std::span<std::byte> out) override {
        queue.push_back({sector, out});
        return Error::pending;
    }
    // Answers one request; returns false when none was waiting.
    bool answer(BlockCache& cache) {
        if (queue.empty()) return false;
        auto [sector, out] = queue.front();
        queue.pop_front();
        std::memcpy(out.data(), bytes.data() + sector * sector_size, out.size());
        cache.complete(sector, true);
        return true;
    }
    std::deque<std::pair<std::uint64_t, std::span<std::byte>>> queue;
};

std::vector<std::byte> read_all(const Volume& volume, File& file, std::size_t chunk) {
    std::vector<std::byte> data(file.size());
    std::uint64_t offset = 0;
    while (offset < file.size()) {
        auto got = volume.read(
            file, offset,
            std::span(data).subspan(offset, std::min<std::size_t>(chunk, data.size() - offset)));
        EXPECT_TRUE(got) << describe(got.error());
        if (!got || *got == 0) break;
        offset += *got;
    }
    return data;
}

std::uint16_t le16(const std::vector<std::byte>& b, std::size_t at) {
    return std::to_integer<std::uint16_t>(b[at]) | std::to_integer<std::uint16_t>(b[at + 1]) << 8;
}

struct Image {
    const char* file;
    std::uint64_t partition; // byte offset of the volume
    FatType type;
};

void PrintTo(const Image& image, std::ostream* out) {
    *out << image.file;
}

class FatImage : public ::testing::TestWithParam<Image> {
  protected:
    void SetUp() override {
        device = std::make_unique<MemoryDevice>(load(images() / GetParam().file));
        ASSERT_GT(device->bytes.size(), 1u << 20) << "run the fat.make-images test first";
    }
    Result<Volume> mount() {
        cache = std::make_unique<BlockCache>(*device, 16);
        return Volume::mount(*cache);
    }
    // Where the FAT entry of `cluster` is, in the first FAT.
    std::size_t fat_entry(std::uint32_t cluster) {
        const auto& b = device->bytes;
        const std::size_t base = GetParam().partition;
        const std::size_t fat = base + std::size_t(le16(b, base + 14)) * le16(b, base + 11);
        return fat + cluster * (GetParam().type == FatType::fat16 ? 2 : 4);
    }
    void set_fat(std::uint32_t cluster, std::uint32_t value) {
        const std::size_t at = fat_entry(cluster);
        const int width = GetParam().type == FatType::fat16 ? 2 : 4;
        for (int i = 0; i < width; ++i)
            device->bytes[at + i] = std::byte(value >> (8 * i));
    }
    std::uint32_t end_mark() const {
        return GetParam().type == FatType::fat16 ? 0xffff : 0x0fffffff;
    }

    std::unique_ptr<MemoryDevice> device;
    std::unique_ptr<BlockCache> cache;
};

TEST_P(FatImage, MountsWithItsType) {
    auto volume = mount();
    ASSERT_TRUE(volume) << describe(volume.error());
    EXPECT_EQ(volume->type(), GetParam().type);
}

TEST_P(FatImage, EveryFileOfTheTreeReadsBackIdentical) {
    auto volume = mount();
    ASSERT_TRUE(volume);
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(images() / "tree")) {
        const std::string path = fs::relative(entry.path(), images() / "tree").generic_string();
        auto node = volume->lookup("/" + path);
        ASSERT_TRUE(node) << path << ": " << describe(node.error());
        EXPECT_EQ(node->directory, entry.is_directory()) << path;
        if (entry.is_directory()) continue;
        auto file = volume->open(*node);
        ASSERT_TRUE(file) << path << ": " << describe(file.error());
        const auto expected = load(entry.path());
        ASSERT_EQ(file->size(), expected.size()) << path;
        for (std::size_t chunk : {std::size_t(1000), std::size_t(65536), std::size_t(4 << 20)})
            EXPECT_TRUE(read_all(*volume, *file, chunk) == expected)
                << path << " in chunks of " << chunk;
        ++files;
    }
    EXPECT_GT(files, 300);
}

TEST_P(FatImage, ListsLongUnicodeAndLowerCaseNames) {
    auto volume = mount();
    ASSERT_TRUE(volume);
    std::set<std::string> names;
    ASSERT_EQ(volume->list(volume->root(),
                           [&](const Node& node) {
                               names.insert(node.name);
                               return true;
                           }),
              Error::none);
    EXPECT_TRUE(names.count("A long file name, with spaces and more than thirteen characters.txt"));
    EXPECT_TRUE(names.count("\u00dcn\u00efc\u00f6de-n\u00e4me.txt"));
    EXPECT_TRUE(names.count("readme.md"));
    EXPECT_TRUE(names.count("README"));
    EXPECT_TRUE(names.count("dir"));
    EXPECT_FALSE(names.count("frag-a")); // deleted
    EXPECT_FALSE(names.count("frag-b"));
    int many = 0;
    auto dir = volume->lookup("many");
    ASSERT_TRUE(dir);
    ASSERT_EQ(volume->list(*dir, [&](const Node&) { return ++many; }), Error::none);
    EXPECT_EQ(many, 300);
}

TEST_P(FatImage, LookupsIgnoreCaseAndRefuseEscapes) {
    auto volume = mount();
    ASSERT_TRUE(volume);
    EXPECT_TRUE(volume->lookup("/HELLO.TXT"));
    EXPECT_TRUE(volume->lookup("//dir///sub dir/deeper/"));
    EXPECT_TRUE(volume->lookup("/")->directory);
    EXPECT_EQ(volume->lookup("/nothing").error(), Error::not_found);
    EXPECT_EQ(volume->lookup("/hello.txt/x").error(), Error::not_a_directory);
    EXPECT_EQ(volume->lookup("/dir/../hello.txt").error(), Error::bad_path);
    EXPECT_EQ(volume->lookup("/dir/./index.html").error(), Error::bad_path);
    EXPECT_EQ(volume->lookup("/dir\\index.html").error(), Error::bad_path);
    EXPECT_EQ(volume->open(*volume->lookup("/dir")).error(), Error::is_a_directory);
    // The short alias of a long name works as on any FAT system.
    EXPECT_TRUE(volume->lookup("/ALONGF~1.TXT"));
}

TEST_P(FatImage, RandomSeeksInFragmentedFiles) {
    auto volume = mount();
    ASSERT_TRUE(volume);
    for (const char* name : {"frag-d", "big.bin"}) {
        const auto expected = load(images() / "tree" / name);
        auto file = volume->open(*volume->lookup(name));
        ASSERT_TRUE(file);
        std::mt19937 random(7);
        std::vector<std::byte> buffer(7000);
        for (int i = 0; i < 200; ++i) {
            const std::uint64_t offset = random() % (expected.size() + 100);
            auto got = volume->read(*file, offset, buffer);
            ASSERT_TRUE(got);
            const std::size_t want =
                offset >= expected.size() ? 0 : std::min(buffer.size(), expected.size() - offset);
            ASSERT_EQ(*got, want);
            EXPECT_EQ(std::memcmp(buffer.data(),
                                  expected.data() + std::min(offset, expected.size()), want),
                      0);
        }
    }
}

TEST_P(FatImage, ReadsThroughADeviceThatAnswersLater) {
    LaterDevice later(device->bytes);
    BlockCache small(later, 4, 1024); // a small cache: lines are evicted while reading
    auto pending = Volume::mount(small);
    ASSERT_EQ(pending.error(), Error::pending);
    std::optional<Volume> volume;
    for (int i = 0; i < 100 && !volume; ++i) {
        while (later.answer(small)) {
        }
        if (auto m = Volume::mount(small))
            volume = *m;
        else
            ASSERT_EQ(m.error(), Error::pending);
    }
    ASSERT_TRUE(volume);
    const auto expected = load(images() / "tree" / "dir/sub dir/deeper/nested file.bin");
    std::optional<Result<Node>> node;
    for (int i = 0; i < 1000; ++i) {
        auto n = volume->lookup("/dir/sub dir/deeper/nested file.bin");
        if (n || n.error() != Error::pending) {
            node = n;
            break;
        }
        ASSERT_TRUE(later.answer(small));
    }
    ASSERT_TRUE(node && *node);
    std::optional<File> file;
    for (int i = 0; i < 1000 && !file; ++i) {
        auto f = volume->open(**node);
        if (f)
            file = *f;
        else {
            ASSERT_EQ(f.error(), Error::pending);
            ASSERT_TRUE(later.answer(small));
        }
    }
    ASSERT_TRUE(file);
    std::vector<std::byte> data(expected.size());
    std::uint64_t offset = 0;
    for (int i = 0; i < 10000 && offset < data.size(); ++i) {
        auto got = volume->read(*file, offset, std::span(data).subspan(offset));
        if (got)
            offset += *got;
        else {
            ASSERT_EQ(got.error(), Error::pending);
            ASSERT_TRUE(later.answer(small));
        }
    }
    EXPECT_TRUE(data == expected);
}

TEST_P(FatImage, ChainLoopsAndEndsAreCaught) {
    auto volume = mount();
    ASSERT_TRUE(volume);
    const Node frag = *volume->lookup("frag-d");
    const std::uint32_t first = frag.first_cluster;
    // A loop back to the first cluster.
    set_fat(first, first);
    EXPECT_EQ(mount()->open(frag).error(), Error::chain_too_long);
    // Ends after one cluster.
    set_fat(first, end_mark());
    EXPECT_EQ(mount()->open(frag).error(), Error::chain_too_short);
    // Points outside the volume, at a free cluster, at a bad one.
    set_fat(first, 0x0ffffff0 & end_mark());
    EXPECT_EQ(mount()->open(frag).error(), Error::bad_cluster);
    set_fat(first, 0);
    EXPECT_EQ(mount()->open(frag).error(), Error::bad_cluster);
    set_fat(first, end_mark() - 8);
    EXPECT_EQ(mount()->open(frag).error(), Error::bad_cluster);
}

TEST_P(FatImage, DirectoryLoopIsCaught) {
    auto volume = mount();
    ASSERT_TRUE(volume);
    const Node many = *volume->lookup("many");
    set_fat(many.first_cluster, many.first_cluster);
    auto again = mount();
    int count = 0;
    EXPECT_EQ(again->list(many, [&](const Node&) { return ++count; }), Error::chain_too_long);
}

TEST_P(FatImage, ImpossibleBootSectorsAreRefused) {
    const std::size_t base = GetParam().partition;
    const auto intact = device->bytes;
    auto with = [&](std::size_t at, std::uint8_t value) {
        device->bytes = intact;
        device->bytes[base + at] = std::byte(value);
        return mount().error();
    };
    EXPECT_EQ(with(12, 0x00), Error::no_file_system) << "bytes per sector";
    EXPECT_EQ(with(13, 3), Error::bad_boot_sector) << "sectors per cluster, not a power of two";
    EXPECT_EQ(with(13, 0), Error::bad_boot_sector);
    EXPECT_EQ(with(16, 0), Error::bad_boot_sector) << "no FAT";
    EXPECT_EQ(with(14, 0), Error::bad_boot_sector) << "no reserved sector";
    EXPECT_EQ(with(510, 0), Error::no_file_system) << "signature";
    // Total sectors beyond the partition.
    device->bytes = intact;
    if (le16(device->bytes, base + 19) != 0)
        device->bytes[base + 20] = std::byte(0xff);
    else
        device->bytes[base + 35] = std::byte(0x7f);
    EXPECT_EQ(mount().error(), Error::bad_boot_sector);
}

INSTANTIATE_TEST_SUITE_P(Images, FatImage,
                         ::testing::Values(Image{"fat16-mbr.img", 2048 * 512, FatType::fat16},
                                           Image{"fat32.img", 0, FatType::fat32}),
                         [](const auto& info) {
                             return info.param.type == FatType::fat16 ? "fat16_mbr" : "fat32";
                         });

TEST(Mbr, PartitionOutsideTheDiskIsRefused) {
    auto bytes = load(images() / "fat16-mbr.img");
    ASSERT_FALSE(bytes.empty());
    bytes[446 + 12 + 3] = std::byte(0x7f); // sector count far beyond the disk
    MemoryDevice device(bytes);
    BlockCache cache(device, 4);
    EXPECT_EQ(Volume::mount(cache).error(), Error::bad_partition);
    bytes[446 + 4] = std::byte(0x83); // a Linux partition: no FAT to be found
    MemoryDevice linux_only(bytes);
    BlockCache cache2(linux_only, 4);
    EXPECT_EQ(Volume::mount(cache2).error(), Error::no_file_system);
}

TEST(Cache, HitsAfterTheFirstReadAndReportsDeviceErrors) {
    struct Failing : MemoryDevice {
        using MemoryDevice::MemoryDevice;
        Error read(std::uint64_t sector, std::span<std::byte> out) override {
            return fail ? Error::io : MemoryDevice::read(sector, out);
        }
        bool fail = false;
    } device(std::vector<std::byte>(1 << 16, std::byte(7)));
    BlockCache cache(device, 2, 4096);
    std::array<std::byte, 10> out;
    ASSERT_EQ(cache.read(4090, out), Error::none); // crosses two lines
    ASSERT_EQ(cache.read(4090, out), Error::none);
    EXPECT_EQ(device.reads, 2);
    EXPECT_EQ(cache.read(1 << 16, out), Error::out_of_range);
    device.fail = true;
    EXPECT_EQ(cache.read(30000, out), Error::io);
    device.fail = false;
    EXPECT_EQ(cache.read(30000, out), Error::none);
}

} // namespace
