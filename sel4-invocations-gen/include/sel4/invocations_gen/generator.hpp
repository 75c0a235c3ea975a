// Reads seL4's interface definitions (interfaces/object-api*.xml) and writes the C++ API's
// invocations: one method per invocation the configured kernel has, each calling its libsel4
// stub. Host-only; run at build time against the user's libsel4.
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
    std::string name;
    std::string type; // seL4 type name, e.g. seL4_Word, seL4_CNode, seL4_UserContext
    bool out = false;
};

struct Method {
    std::string interface; // seL4_TCB
    std::string name;      // ReadRegisters
    std::vector<Param> params;
};

// Methods whose conditions hold for this configuration, in file order.
std::vector<Method> read_methods(const std::string& xml_text, const std::string& file_name,
                                 const Config& config);

// "seL4_ARM_ASIDPool" -> "AsidPool"; "SetIPCBuffer" -> "set_ipc_buffer".
std::string class_name(const std::string& interface);
std::string method_name(const std::string& name);

std::string generate_header(const std::vector<Method>& methods);

// The system calls api/syscall.xml lists for this configuration (MCS or not, debug ones by
// their conditions), by name.
std::vector<std::string> read_syscalls(const std::string& xml_text, const std::string& file_name,
                                       const Config& config);

// Endpoint, Notification and Reply capabilities with the IPC system calls the kernel has, and
// the debug calls as free functions.
std::string generate_syscalls_header(const std::vector<std::string>& syscalls, bool mcs);

} // namespace sel4::invocations_gen
