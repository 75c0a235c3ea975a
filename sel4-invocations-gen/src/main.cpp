// sel4-invocations-gen --config <gen_config.h>... --xml <object-api*.xml>... -o <invocations.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sel4/invocations_gen/generator.hpp>

namespace {
std::string read(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw sel4::invocations_gen::GenError("cannot open '" + path + "'");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}
} // namespace

int main(int argc, char** argv) {
    using namespace sel4::invocations_gen;
    std::vector<std::string> configs, xmls, syscall_xmls;
    std::string output, syscalls_output;
    std::vector<std::string>* list = nullptr;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--config")
            list = &configs;
        else if (arg == "--xml")
            list = &xmls;
        else if (arg == "--syscalls-xml")
            list = &syscall_xmls;
        else if (arg == "--syscalls-output" && i + 1 < argc)
            syscalls_output = argv[++i], list = nullptr;
        else if (arg == "-o" && i + 1 < argc)
            output = argv[++i], list = nullptr;
        else if (list)
            list->push_back(arg);
        else {
            std::fprintf(
                stderr,
                "usage: sel4-invocations-gen --config <gen_config.h>... --xml <object-api.xml>... "
                "-o <out.hpp> [--syscalls-xml <syscall.xml> --syscalls-output <out.hpp>]\n");
            return 2;
        }
    }
    if (xmls.empty() || output.empty()) {
        std::fprintf(
            stderr,
            "usage: sel4-invocations-gen --config <gen_config.h>... --xml <object-api.xml>... -o "
            "<out.hpp> [--syscalls-xml <syscall.xml> --syscalls-output <out.hpp>]\n");
        return 2;
    }
    try {
        Config config;
        for (const auto& path : configs)
            config.merge(parse_config_header(read(path)));
        std::vector<Method> methods;
        for (const auto& path : xmls) {
            auto more = read_methods(read(path), path, config);
            methods.insert(methods.end(), more.begin(), more.end());
        }
        auto write = [](const std::string& path, const std::string& text) {
            const auto temporary = path + ".partial";
            std::ofstream(temporary) << text;
            if (std::rename(temporary.c_str(), path.c_str()) != 0)
                throw GenError("cannot write '" + path + "'");
        };
        if (!syscalls_output.empty()) {
            std::vector<std::string> syscalls;
            for (const auto& path : syscall_xmls) {
                auto more = read_syscalls(read(path), path, config);
                syscalls.insert(syscalls.end(), more.begin(), more.end());
            }
            write(syscalls_output,
                  generate_syscalls_header(syscalls, config.count("CONFIG_KERNEL_MCS") > 0));
        }
        write(output, generate_header(methods));
    } catch (const GenError& error) {
        std::fprintf(stderr, "sel4-invocations-gen: %s\n", error.what());
        return 1;
    }
    return 0;
}
