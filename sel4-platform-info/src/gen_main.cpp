// sel4-platform-info-gen <platform_gen.yaml> <output.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <sel4/platform_info/platform_info.hpp>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: sel4-platform-info-gen <platform_gen.yaml> <output.hpp>\n");
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::fprintf(stderr, "sel4-platform-info-gen: cannot open '%s'\n", argv[1]);
        return 1;
    }
    std::stringstream text;
    text << in.rdbuf();
    try {
        const auto header =
            sel4::platform_info::to_cpp_header(sel4::platform_info::parse(text.str()));
        const std::string temporary = std::string(argv[2]) + ".partial";
        std::ofstream(temporary) << header;
        if (std::rename(temporary.c_str(), argv[2]) != 0) {
            std::fprintf(stderr, "sel4-platform-info-gen: cannot write '%s'\n", argv[2]);
            return 1;
        }
    } catch (const sel4::platform_info::ParseError& error) {
        std::fprintf(stderr, "sel4-platform-info-gen: %s: %s\n", argv[1], error.what());
        return 1;
    }
    return 0;
}
