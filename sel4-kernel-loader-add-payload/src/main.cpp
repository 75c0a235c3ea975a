// sel4-kernel-loader-add-payload: packs the kernel loader, the seL4 kernel, a root task and a
// device tree into one bootable ELF image.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include <sel4/elf/reader.hpp>
#include <sel4/kernel_loader/packer.hpp>
#include <sel4/platform_info/platform_info.hpp>

namespace {

constexpr const char* usage =
    "usage: sel4-kernel-loader-add-payload --loader <elf> --root-task <elf> --dtb <dtb>\n"
    "           [--kernel <elf>] [--platform-info <platform_gen.yaml>] [--hypervisor]\n"
    "           [--arm-pa-bits 40|44]\n"
    "           -o <image>\n"
    "  --kernel defaults to $SEL4_KERNEL, then $SEL4_PREFIX/bin/kernel.elf;\n"
    "  --platform-info to $SEL4_PLATFORM_INFO, then $SEL4_PREFIX/support/platform_gen.yaml.\n";

std::string from_environment(const char* variable, const char* prefix_relative) {
    if (const char* value = std::getenv(variable); value && *value) return value;
    if (const char* prefix = std::getenv("SEL4_PREFIX"); prefix && *prefix)
        return std::string(prefix) + "/" + prefix_relative;
    return {};
}

} // namespace

int main(int argc, char** argv) {
    using namespace sel4::kernel_loader;
    std::string loader, kernel, root_task, dtb, platform_info, output;
    bool hypervisor = false;
    std::uint32_t arm_pa_bits = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n%s", arg.c_str(), usage);
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--loader")
            loader = value();
        else if (arg == "--kernel")
            kernel = value();
        else if (arg == "--root-task")
            root_task = value();
        else if (arg == "--dtb")
            dtb = value();
        else if (arg == "--platform-info")
            platform_info = value();
        else if (arg == "--hypervisor")
            hypervisor = true;
        else if (arg == "--arm-pa-bits")
            arm_pa_bits = static_cast<std::uint32_t>(std::stoul(value()));
        else if (arg == "-o" || arg == "--output")
            output = value();
        else {
            std::fprintf(stderr, "unknown argument '%s'\n%s", arg.c_str(), usage);
            return 2;
        }
    }
    if (kernel.empty()) kernel = from_environment("SEL4_KERNEL", "bin/kernel.elf");
    if (platform_info.empty())
        platform_info = from_environment("SEL4_PLATFORM_INFO", "support/platform_gen.yaml");
    if (loader.empty() || root_task.empty() || output.empty() || kernel.empty()) {
        std::fprintf(
            stderr, "%s%s",
            kernel.empty() ? "no kernel: give --kernel, or set SEL4_KERNEL or SEL4_PREFIX\n" : "",
            usage);
        return 2;
    }
    try {
        PackInputs inputs;
        inputs.loader = read_file("loader", loader);
        inputs.kernel = read_file("kernel", kernel);
        inputs.root_task = read_file("root task", root_task);
        if (!dtb.empty()) inputs.dtb = read_file("device tree", dtb);
        if (inputs.kernel.size() < sizeof(sel4::elf::FileHeader))
            throw PackError("kernel: " +
                            std::string(sel4::elf::describe(sel4::elf::Error::too_small)));
        sel4::elf::FileHeader header;
        std::memcpy(&header, inputs.kernel.data(), sizeof header);
        inputs.machine = static_cast<sel4::elf::Machine>(header.machine);
        inputs.kernel_is_hypervisor = hypervisor;
        inputs.arm_physical_address_bits = arm_pa_bits;
        if (!platform_info.empty()) {
            const auto text = read_file("platform info", platform_info);
            const auto info = sel4::platform_info::parse(
                std::string_view(reinterpret_cast<const char*>(text.data()), text.size()));
            for (const auto& region : info.memory)
                inputs.memory.push_back({region.start, region.end});
        }
        const auto payload = plan_payload(inputs);
        write_file_atomically(output, build_image(inputs.loader, payload));
        std::printf(
            "%s: kernel [0x%llx, 0x%llx), root task [0x%llx, 0x%llx), payload %zu bytes at "
            "0x%llx\n",
            output.c_str(), static_cast<unsigned long long>(payload.header.kernel_physical_start),
            static_cast<unsigned long long>(payload.header.kernel_physical_end),
            static_cast<unsigned long long>(payload.header.user_physical_start),
            static_cast<unsigned long long>(payload.header.user_physical_end), payload.bytes.size(),
            static_cast<unsigned long long>(payload.physical_address));
    } catch (const PackError& error) {
        std::fprintf(stderr, "sel4-kernel-loader-add-payload: %s\n", error.what());
        return 1;
    } catch (const sel4::platform_info::ParseError& error) {
        std::fprintf(stderr, "sel4-kernel-loader-add-payload: %s: %s\n", platform_info.c_str(),
                     error.what());
        return 1;
    }
    return 0;
}
