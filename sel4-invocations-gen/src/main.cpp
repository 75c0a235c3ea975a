// sel4-invocations-gen --config <gen_config.h>... --xml <object-api*.xml>... -o <invocations.hpp>
//     [--cap-table <cap-parameters.txt>]
//     [--syscalls-xml <syscall.xml> --syscalls-template <syscalls.hpp.in> --syscalls-output <out>]
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

int usage() {
    std::fprintf(stderr, "usage: sel4-invocations-gen --config <gen_config.h>... --xml "
                         "<object-api.xml>... -o <out.hpp> [--cap-table <cap-parameters.txt>]\n"
                         "       [--syscalls-xml <syscall.xml> --syscalls-template "
                         "<syscalls.hpp.in> --syscalls-output <out.hpp>]\n");
    return 2;
}
} // namespace

int main(int argc, char** argv) {
    using namespace sel4::invocations_gen;
    std::vector<std::string> configs, xmls, syscall_xmls;
    std::string output, syscalls_output, syscalls_template, cap_table;
    std::vector<std::string>* list = nullptr;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        std::string* single = nullptr;
        if (arg == "--config")
            list = &configs;
        else if (arg == "--xml")
            list = &xmls;
        else if (arg == "--syscalls-xml")
            list = &syscall_xmls;
        else if (arg == "--syscalls-output")
            single = &syscalls_output;
        else if (arg == "--syscalls-template")
            single = &syscalls_template;
        else if (arg == "--cap-table")
            single = &cap_table;
        else if (arg == "-o")
            single = &output;
        else if (list)
            list->push_back(arg);
        else
            return usage();
        if (single) {
            if (i + 1 >= argc) return usage();
            *single = argv[++i];
            list = nullptr;
        }
    }
    if (xmls.empty() || output.empty()) return usage();
    if (!syscalls_output.empty() && (syscalls_template.empty() || syscall_xmls.empty()))
        return usage();
    try {
        Config config;
        for (const auto& path : configs)
            config.merge(parse_config_header(read(path)));
        std::vector<Method> methods;
        for (const auto& path : xmls) {
            auto more = read_methods(read(path), path, config);
            methods.insert(methods.end(), more.begin(), more.end());
        }
        Options options;
        options.mcs = config.count("CONFIG_KERNEL_MCS") > 0;
        if (!cap_table.empty()) options.cap_table = parse_cap_table(read(cap_table), cap_table);
        // A kernel newer than the table may add capability parameters: say so, still generate.
        for (const auto& parameter : untyped_capability_parameters(methods, options))
            std::fprintf(stderr,
                         "sel4-invocations-gen: warning: %s is a capability the table does not "
                         "type; it stays a raw CPtr\n",
                         parameter.c_str());
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
                  generate_syscalls_header(read(syscalls_template), syscalls, options.mcs));
        }
        write(output, generate_header(methods, options));
    } catch (const GenError& error) {
        std::fprintf(stderr, "sel4-invocations-gen: %s\n", error.what());
        return 1;
    }
    return 0;
}
