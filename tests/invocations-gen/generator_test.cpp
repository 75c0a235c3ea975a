#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sel4/invocations_gen/generator.hpp>

using namespace sel4::invocations_gen;

namespace {

const char* fixture = R"(<?xml version="1.0" ?>
<api name="ObjectAPI">
  <interface name="seL4_TCB" manual_name="TCB">
    <method id="TCBReadRegisters" name="ReadRegisters">
      <param dir="in" name="suspend_source" type="seL4_Bool"/>
      <param dir="in" name="count" type="seL4_Word"/>
      <param dir="out" name="regs" type="seL4_UserContext"/>
    </method>
    <method id="TCBSetSpace" name="SetSpace">
      <param dir="in" name="fault_ep" type="seL4_CPtr"/>
      <param dir="in" name="cspace_root" type="seL4_CNode"/>
    </method>
    <method id="TCBSetSchedParams" name="SetSchedParams">
      <condition><config var="CONFIG_KERNEL_MCS"/></condition>
      <param dir="in" name="sched_context" type="seL4_SchedContext"/>
    </method>
    <method id="TCBSetIPCBuffer" name="SetIPCBuffer">
      <condition><not><config var="CONFIG_KERNEL_MCS"/></not></condition>
      <brief>Set a thread's IPC buffer</brief>
      <description>
        Sets the <texttt text="buffer"/> of a thread.
        <docref>See <autoref label="sec:ipc_buffer"/></docref>
      </description>
      <param dir="in" name="buffer" type="seL4_Word" description="Its address."/>
      <param dir="in" name="bufferFrame" type="seL4_CPtr">
        <description>The frame it is in.</description>
      </param>
    </method>
  </interface>
  <interface name="seL4_ARM_Page" manual_name="Page">
    <condition><or><config var="CONFIG_ARCH_AARCH64"/><config var="CONFIG_ARCH_AARCH32"/></or></condition>
    <method id="ARMPageGetAddress" name="GetAddress">
      <param dir="out" name="paddr" type="seL4_Word"/>
    </method>
  </interface>
  <interface name="seL4_SchedContext" manual_name="SchedContext">
    <method id="SchedContextBind" name="Bind">
      <param dir="in" name="cap" type="seL4_CPtr"/>
    </method>
    <method id="SchedContextConsumed" name="Consumed">
      <param dir="out" name="consumed" type="seL4_Time"/>
      <param dir="out" name="extra" type="seL4_Word"/>
    </method>
  </interface>
</api>
)";

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The generated code with its line breaks inside declarations undone, to match signatures.
std::string joined(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && !out.empty() && (out.back() == '(' || out.back() == ',')) {
            while (i + 1 < text.size() && text[i + 1] == ' ')
                ++i;
            if (out.back() == ',') out += ' ';
            continue;
        }
        out += text[i];
    }
    return out;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The table and template the build uses.
const CapTable& table() {
    static const CapTable parsed = parse_cap_table(read_file(SEL4_CAP_TABLE), SEL4_CAP_TABLE);
    return parsed;
}
std::string syscalls_template() {
    return read_file(SEL4_SYSCALLS_TEMPLATE);
}

std::string generate(const Config& config) {
    return joined(generate_header(read_methods(fixture, "fixture.xml", config)));
}

std::string generate_typed(const Config& config) {
    return joined(generate_header(read_methods(fixture, "fixture.xml", config),
                                  {table(), config.count("CONFIG_KERNEL_MCS") > 0}));
}

} // namespace

TEST(InvocationsGen, NamesFollowCppConventions) {
    EXPECT_EQ(class_name("seL4_TCB"), "Tcb");
    EXPECT_EQ(class_name("seL4_CNode"), "CNode");
    EXPECT_EQ(class_name("seL4_ARM_ASIDPool"), "AsidPool");
    EXPECT_EQ(class_name("seL4_X86_IOPort"), "IoPort");
    EXPECT_EQ(class_name("seL4_IRQHandler"), "IrqHandler");
    EXPECT_EQ(method_name("SetIPCBuffer"), "set_ipc_buffer");
    EXPECT_EQ(method_name("ReadRegisters"), "read_registers");
    EXPECT_EQ(method_name("SetTLSBase"), "set_tls_base");
    EXPECT_EQ(method_name("Delete"), "delete_");
}

TEST(InvocationsGen, CapsInStructsByReferenceAndOutputsAsResults) {
    const auto text = generate({"CONFIG_ARCH_AARCH64"});
    EXPECT_TRUE(has(text, "Result<void> read_registers(bool suspend_source, seL4_Word count, "
                          "seL4_UserContext& regs) const noexcept;"));
    EXPECT_TRUE(has(text, "seL4_TCB_ReadRegisters(cptr_, suspend_source, count, &regs)"));
    EXPECT_TRUE(has(text, "Result<void> set_space(CPtr fault_ep, Cap<tag::CNode> cspace_root)"));
    EXPECT_TRUE(has(text, "seL4_TCB_SetSpace(cptr_, fault_ep.value, cspace_root.cptr())"));
    EXPECT_TRUE(has(text, "Result<seL4_Word> get_address() const noexcept;"));
    EXPECT_TRUE(has(text, "return seL4_Word(result.paddr);"));
    EXPECT_TRUE(has(text, "Result<seL4_SchedContext_Consumed_t> consumed()"));
    EXPECT_TRUE(has(text, "using CNode = Cap<tag::CNode>;"));
}

TEST(InvocationsGen, CapabilityParametersTypedFromTheTable) {
    const auto text = generate_typed({"CONFIG_ARCH_AARCH64"});
    EXPECT_TRUE(has(text, "Result<void> set_ipc_buffer(seL4_Word buffer, Cap<tag::Page> "
                          "buffer_frame) const noexcept;"))
        << text;
    EXPECT_TRUE(has(text, "seL4_TCB_SetIPCBuffer(cptr_, buffer, buffer_frame.cptr())"));
    // One overload per capability type the parameter accepts.
    EXPECT_TRUE(has(text, "Result<void> bind(Cap<tag::Tcb> cap) const noexcept;"));
    EXPECT_TRUE(has(text, "Result<void> bind(Cap<tag::Notification> cap) const noexcept;"));
    // A raw CPtr stays only with the table's reason, which the comment repeats.
    EXPECT_TRUE(has(text, "set_space(CPtr fault_ep, Cap<tag::CNode> cspace_root)"));
    EXPECT_TRUE(has(text, "A raw CPtr: an index into the thread's CSpace"));
    EXPECT_TRUE(untyped_capability_parameters(read_methods(fixture, "f.xml", {}), {table(), false})
                    .empty());
    // Without the table, the check names every capability left raw.
    const auto untyped = untyped_capability_parameters(read_methods(fixture, "f.xml", {}), {});
    ASSERT_EQ(untyped.size(), 3u);
    EXPECT_EQ(untyped[0], "Tcb::set_space(fault_ep)");
}

TEST(InvocationsGen, MethodsCarryTheKernelsDocumentation) {
    const auto text = generate_typed({"CONFIG_ARCH_AARCH64"});
    EXPECT_TRUE(has(text,
                    "    /// Set a thread's IPC buffer\n    ///\n    /// Sets the `buffer` of a "
                    "thread.\n"))
        << text;
    EXPECT_FALSE(has(text, "See")); // the manual's cross-references are dropped
    EXPECT_TRUE(has(text, "/// @param buffer Its address.\n"));
    EXPECT_TRUE(has(text, "/// @param buffer_frame The frame it is in.\n"));
    EXPECT_TRUE(has(text, "/// Corresponds to `seL4_TCB_SetIPCBuffer`.\n"));
}

TEST(InvocationsGen, ReportsMalformedTables) {
    EXPECT_THROW(parse_cap_table("Tcb configure vspace_root sometimes VSpace\n", "t"), GenError);
    EXPECT_THROW(parse_cap_table("Tcb configure fault_ep any raw\n", "t"), GenError);
    EXPECT_THROW(parse_cap_table("Tcb configure\n", "t"), GenError);
    EXPECT_EQ(parse_cap_table("# comment\n\nTcb bind x mcs A|B\n", "t").at(0).types.size(), 2u);
}

TEST(InvocationsGen, KeepsOnlyWhatTheConfigurationHas) {
    const auto non_mcs = generate({"CONFIG_ARCH_AARCH64"});
    EXPECT_TRUE(has(non_mcs, "set_ipc_buffer"));
    EXPECT_FALSE(has(non_mcs, "set_sched_params"));
    const auto mcs = generate({"CONFIG_ARCH_AARCH64", "CONFIG_KERNEL_MCS"});
    EXPECT_FALSE(has(mcs, "set_ipc_buffer"));
    EXPECT_TRUE(has(mcs, "set_sched_params"));
    const auto riscv = generate({"CONFIG_ARCH_RISCV64"});
    EXPECT_FALSE(has(riscv, "get_address"));
}

TEST(InvocationsGen, ParsesConfigHeaders) {
    const auto config = parse_config_header("#pragma once\n#define CONFIG_KERNEL_MCS  1\n/* "
                                            "disabled: CONFIG_SMP */\n#define CONFIG_X 0\n"
                                            "#define CONFIG_PLAT qemu-arm-virt\n");
    EXPECT_TRUE(config.count("CONFIG_KERNEL_MCS"));
    EXPECT_TRUE(config.count("CONFIG_PLAT"));
    EXPECT_FALSE(config.count("CONFIG_X"));
    EXPECT_FALSE(config.count("CONFIG_SMP"));
}

TEST(InvocationsGen, ReportsMalformedInputWithItsLine) {
    try {
        read_methods("<api>\n<interface name=\"x\">\n<method name=\"A\"><param "
                     "dir=\"in\"/></method>\n</interface>\n</api>",
                     "bad.xml", {});
        FAIL() << "no error";
    } catch (const GenError& error) {
        EXPECT_EQ(std::string(error.what()),
                  "bad.xml: x.A: <param> needs name, type and dir=in|out");
    }
    try {
        read_methods("<api>\n<interface name=\"x\">\n</api>", "broken.xml", {});
        FAIL() << "no error";
    } catch (const GenError& error) {
        EXPECT_TRUE(has(error.what(), "broken.xml:3:")) << error.what();
    }
}

TEST(InvocationsGen, SyscallsFollowTheConfiguration) {
    const char* xml = R"(<syscalls>
  <api-master><config><syscall name="Call"/><syscall name="Recv"/><syscall name="Reply"/></config></api-master>
  <api-mcs><config><syscall name="Call"/><syscall name="Recv"/><syscall name="Wait"/></config></api-mcs>
  <debug>
    <config><condition><config var="CONFIG_PRINTING"/></condition><syscall name="DebugPutChar"/></config>
    <config><condition><config var="CONFIG_ENABLE_BENCHMARKS"/></condition><syscall name="BenchmarkResetLog"/></config>
  </debug>
</syscalls>)";
    const auto classic = generate_syscalls_header(
        syscalls_template(), read_syscalls(xml, "syscall.xml", {"CONFIG_PRINTING"}), false);
    EXPECT_TRUE(has(classic, "Received recv() const noexcept"));
    EXPECT_TRUE(has(classic, "inline void reply(MessageInfo info)"));
    EXPECT_TRUE(has(classic, "inline void put_char(char c)"));
    EXPECT_FALSE(has(classic, "reset_log"));
    const auto mcs = generate_syscalls_header(
        syscalls_template(),
        read_syscalls(xml, "syscall.xml", {"CONFIG_KERNEL_MCS", "CONFIG_ENABLE_BENCHMARKS"}), true);
    EXPECT_TRUE(has(mcs, "Received recv(Cap<tag::Reply> reply) const noexcept"));
    EXPECT_TRUE(has(mcs, "seL4_Word wait() const noexcept"));
    EXPECT_FALSE(has(mcs, "inline void reply("));
    EXPECT_FALSE(has(mcs, "put_char"));
    EXPECT_TRUE(has(mcs, "Result<void> reset_log()"));
}

// The real interface definitions of every installed seL4 this machine has.
TEST(InvocationsGen, GeneratesForEveryInstalledSeL4) {
    std::vector<std::filesystem::path> prefixes;
    if (const char* prefix = std::getenv("SEL4_PREFIX"); prefix && *prefix)
        prefixes.emplace_back(prefix);
    else if (std::filesystem::is_directory("/opt/sel4"))
        for (const auto& entry : std::filesystem::directory_iterator("/opt/sel4"))
            if (std::filesystem::exists(entry.path() / "bin/kernel.elf"))
                prefixes.push_back(entry.path());
    if (prefixes.empty())
        GTEST_SKIP() << "no seL4 installed (SEL4_PREFIX unset, nothing in /opt/sel4)";
    for (const auto& prefix : prefixes) {
        const auto include = prefix / "libsel4/include";
        auto read = [](const std::filesystem::path& path) {
            std::ifstream in(path);
            std::stringstream text;
            text << in.rdbuf();
            return text.str();
        };
        Config config = parse_config_header(read(include / "kernel/gen_config.h"));
        std::vector<Method> methods;
        for (const auto& entry : std::filesystem::directory_iterator(include / "interfaces"))
            if (entry.path().extension() == ".xml" &&
                entry.path().filename().string().rfind("object-api", 0) == 0) {
                auto more = read_methods(read(entry.path()), entry.path().string(), config);
                methods.insert(methods.end(), more.begin(), more.end());
            }
        EXPECT_GT(methods.size(), 30u) << prefix;
        const Options options{table(), config.count("CONFIG_KERNEL_MCS") > 0};
        const auto header = generate_header(methods, options);
        EXPECT_TRUE(has(header, "retype(")) << prefix;
        EXPECT_TRUE(has(header, "CapMethods<tag::Tcb>")) << prefix;
        // Every capability parameter has its type, or the table says why not.
        for (const auto& parameter : untyped_capability_parameters(methods, options))
            ADD_FAILURE() << prefix << ": " << parameter
                          << " is a raw CPtr the table does not explain";
        // Lines a reader can read.
        std::istringstream lines(header);
        int number = 0;
        for (std::string line; std::getline(lines, line);)
            EXPECT_LE(line.size(), 120u) << prefix << ": line " << ++number << ": " << line;
    }
}
