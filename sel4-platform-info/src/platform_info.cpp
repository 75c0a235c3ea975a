#include <sel4/platform_info/platform_info.hpp>

#include <cstdio>
#include <yaml-cpp/yaml.h>

namespace sel4::platform_info {
namespace {

[[noreturn]] void fail(const YAML::Mark& mark, const std::string& what) {
    throw ParseError("platform info, line " + std::to_string(mark.line + 1) + ": " + what);
}

std::uint64_t address(const YAML::Node& region, const char* key) {
    const auto value = region[key];
    if (!value) fail(region.Mark(), std::string("region has no '") + key + "'");
    if (!value.IsScalar()) fail(value.Mark(), std::string("'") + key + "' is not a number");
    const auto& text = value.Scalar();
    std::size_t used = 0;
    std::uint64_t number = 0;
    try {
        number = std::stoull(text, &used, 0);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != text.size() || text[0] == '-')
        fail(value.Mark(), std::string("'") + key + "' is not a number: '" + text + "'");
    return number;
}

std::vector<Region> regions(const YAML::Node& root, const char* key, bool required) {
    const auto list = root[key];
    if (!list) {
        if (required) fail(root.Mark(), std::string("no '") + key + "' list");
        return {};
    }
    if (!list.IsSequence()) fail(list.Mark(), std::string("'") + key + "' is not a list");
    std::vector<Region> result;
    for (const auto& item : list) {
        if (!item.IsMap()) fail(item.Mark(), std::string("an entry of '") + key + "' is not a map");
        Region region{address(item, "start"), address(item, "end")};
        if (region.end <= region.start)
            fail(item.Mark(), std::string("an entry of '") + key + "' ends before it starts");
        result.push_back(region);
    }
    return result;
}

} // namespace

PlatformInfo parse(std::string_view yaml_text) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml_text));
    } catch (const YAML::Exception& error) {
        fail(error.mark, error.msg);
    }
    if (!root.IsMap()) fail(root.Mark(), "the document is not a map with 'memory' and 'devices'");
    PlatformInfo info;
    info.memory = regions(root, "memory", true);
    if (info.memory.empty()) fail(root["memory"].Mark(), "'memory' is empty");
    info.devices = regions(root, "devices", false);
    return info;
}

std::string to_cpp_header(const PlatformInfo& info) {
    std::string out =
        "// Generated from platform_gen.yaml by sel4-platform-info-gen. Do not edit.\n"
        "#pragma once\n\n#include <cstdint>\n\nnamespace sel4::platform_info {\n\n"
        "struct MemoryRange {\n    std::uint64_t start;\n    std::uint64_t end;\n};\n\n";
    auto emit = [&](const char* name, const std::vector<Region>& regions) {
        out += "inline constexpr MemoryRange " + std::string(name) + "[] = {\n";
        for (const auto& r : regions) {
            char line[80];
            std::snprintf(line, sizeof line, "    {0x%llx, 0x%llx},\n",
                          static_cast<unsigned long long>(r.start),
                          static_cast<unsigned long long>(r.end));
            out += line;
        }
        if (regions.empty()) out += "    {0, 0},\n";
        out += "};\n";
    };
    emit("memory", info.memory);
    emit("kernel_devices", info.devices);
    out += "\n}  // namespace sel4::platform_info\n";
    return out;
}

} // namespace sel4::platform_info
