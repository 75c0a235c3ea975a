// Reads seL4's interface definitions (interfaces/object-api*.xml) and writes the C++ API's
// invocations: one method per invocation the configured kernel has, each calling its libsel4
// stub, with typed capability parameters and the kernel's own documentation. Host-only; run at
// build time against the user's libsel4.
#pragma once

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace sel4::invocations_gen {

struct GenError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// CONFIG_* macros that are defined (to anything but 0) in the kernel's gen_config.h.
using Config = std::set<std::string>;

Config parse_config_header(const std::string& text);

struct Param {
    std::string name; // as the XML spells it (bufferFrame); Method::cpp_name gives snake_case
    std::string type; // seL4 type name, e.g. seL4_Word, seL4_CNode, seL4_UserContext
    bool out = false;
    std::string description;
};

struct Method {
    std::string interface; // seL4_TCB
    std::string name;      // ReadRegisters
    std::vector<Param> params;
    std::string brief;       // the kernel's <brief>, whitespace collapsed
    std::string description; // its <description>, manual cross-references dropped
};

// Methods whose conditions hold for this configuration, in file order.
std::vector<Method> read_methods(const std::string& xml_text, const std::string& file_name,
                                 const Config& config);

// "seL4_ARM_ASIDPool" -> "AsidPool"; "SetIPCBuffer" -> "set_ipc_buffer"; "bufferFrame" ->
// "buffer_frame".
std::string class_name(const std::string& interface);
std::string method_name(const std::string& name);

// The table beside the XML (data/cap-parameters.txt): which capability a parameter wants where
// the XML says only seL4_CPtr, or why it stays raw.
struct CapParameter {
    std::string class_name, method, parameter; // C++ names
    int mcs = -1;                              // 1: MCS kernels, 0: others, -1: both
    std::vector<std::string> types;            // cap types (class names); empty when raw
    std::string why_raw;
};
using CapTable = std::vector<CapParameter>;
CapTable parse_cap_table(const std::string& text, const std::string& file_name);

// What the generator needs beyond the methods.
struct Options {
    CapTable cap_table;
    bool mcs = false;
};

std::string generate_header(const std::vector<Method>& methods, const Options& options = {});

// Parameters the XML types as a capability (seL4_CPtr or an object type) that the generated
// code would take as a raw CPtr or word, with no reason in the table:
// "Tcb::configure(vspace_root)".
std::vector<std::string> untyped_capability_parameters(const std::vector<Method>& methods,
                                                       const Options& options);

// The system calls api/syscall.xml lists for this configuration (MCS or not, debug ones by
// their conditions), by name.
std::vector<std::string> read_syscalls(const std::string& xml_text, const std::string& file_name,
                                       const Config& config);

// Endpoint, Notification and Reply capabilities with the IPC system calls the kernel has, and
// the debug calls as free functions: the template (sel4-invocations-gen/templates/syscalls.hpp.in)
// with each "// @if <Syscall> [mcs|non-mcs]" ... "// @endif" block kept only where this kernel has
// that system call in that form.
std::string generate_syscalls_header(const std::string& template_text,
                                     const std::vector<std::string>& syscalls, bool mcs);

} // namespace sel4::invocations_gen
