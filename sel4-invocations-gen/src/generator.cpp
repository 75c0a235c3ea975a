#include <sel4/invocations_gen/generator.hpp>

#include <algorithm>
#include <cctype>
#include <sstream>

#include <pugixml.hpp>

namespace sel4::invocations_gen {
namespace {

// Structures libsel4's stubs take by pointer, whatever the direction (syscall_stub_gen.py's
// StructType).
const std::set<std::string> struct_types = {"seL4_UserContext", "seL4_ARM_SMCContext",
                                            "seL4_VCPUContext"};

bool is_cap_type(const std::string& type) {
    static const std::set<std::string> value_types = {"seL4_Word",
                                                      "seL4_Uint8",
                                                      "seL4_Uint16",
                                                      "seL4_Uint32",
                                                      "seL4_Uint64",
                                                      "seL4_Time",
                                                      "seL4_Bool",
                                                      "seL4_CPtr",
                                                      "seL4_CapRights_t",
                                                      "seL4_VCPUReg",
                                                      "int",
                                                      "long",
                                                      "seL4_ARM_VMAttributes",
                                                      "seL4_X86_VMAttributes",
                                                      "seL4_RISCV_VMAttributes",
                                                      "seL4_X86_EPT_VMAttributes"};
    return type.rfind("seL4_", 0) == 0 && !value_types.count(type) && !struct_types.count(type);
}

bool evaluate(const pugi::xml_node& node, const Config& config, const std::string& where) {
    const std::string kind = node.name();
    if (kind == "condition" || kind == "and") {
        bool all = true;
        for (auto child : node.children())
            if (child.type() == pugi::node_element) all = evaluate(child, config, where) && all;
        return all;
    }
    if (kind == "or") {
        bool any = false;
        for (auto child : node.children())
            if (child.type() == pugi::node_element) any = evaluate(child, config, where) || any;
        return any;
    }
    if (kind == "not") {
        auto child = node.first_child();
        while (child && child.type() != pugi::node_element)
            child = child.next_sibling();
        if (!child) throw GenError(where + ": <not> without a condition");
        return !evaluate(child, config, where);
    }
    if (kind == "config") {
        const std::string var = node.attribute("var").value();
        if (var.empty()) throw GenError(where + ": <config> without var");
        return config.count(var) > 0;
    }
    throw GenError(where + ": unknown condition <" + kind + ">");
}

bool holds(const pugi::xml_node& element, const Config& config, const std::string& where) {
    const auto condition = element.child("condition");
    return !condition || evaluate(condition, config, where);
}

std::string cpp_type(const std::string& type) {
    if (type == "seL4_Bool") return "bool";
    if (type == "seL4_CPtr") return "CPtr";
    if (is_cap_type(type)) return "Cap<tag::" + class_name(type) + ">";
    return type;
}

std::string stub_argument(const Param& param) {
    if (struct_types.count(param.type)) return "&" + param.name;
    if (param.type == "seL4_CPtr") return param.name + ".value";
    if (is_cap_type(param.type)) return param.name + ".cptr()";
    return param.name;
}

} // namespace

Config parse_config_header(const std::string& text) {
    Config config;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string directive, name, value;
        words >> directive >> name >> value;
        if (directive == "#define" && name.rfind("CONFIG_", 0) == 0 && value != "0")
            config.insert(name);
    }
    return config;
}

std::string class_name(const std::string& interface) {
    std::string name = interface;
    for (const char* prefix : {"seL4_ARM_", "seL4_X86_", "seL4_X64_", "seL4_RISCV_", "seL4_"}) {
        if (name.rfind(prefix, 0) == 0) {
            name = name.substr(std::string(prefix).size());
            break;
        }
    }
    // Acronyms to words: "ASIDPool" -> "AsidPool", "TCB" -> "Tcb", "CNode" stays.
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const bool upper = std::isupper(static_cast<unsigned char>(c));
        const bool previous_upper = i > 0 && std::isupper(static_cast<unsigned char>(name[i - 1]));
        const bool next_lower =
            i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]));
        if (upper && previous_upper && !next_lower && !(i == 1 && name[0] == 'C'))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else
            out += c;
    }
    return out;
}

std::string method_name(const std::string& name) {
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        const bool upper = std::isupper(c);
        const bool previous_lower =
            i > 0 && (std::islower(static_cast<unsigned char>(name[i - 1])) ||
                      std::isdigit(static_cast<unsigned char>(name[i - 1])));
        const bool acronym_end = i > 0 && std::isupper(static_cast<unsigned char>(name[i - 1])) &&
                                 i + 1 < name.size() &&
                                 std::islower(static_cast<unsigned char>(name[i + 1]));
        if (upper && (previous_lower || acronym_end) && !out.empty()) out += '_';
        out += static_cast<char>(std::tolower(c));
    }
    if (out == "delete") return "delete_"; // a C++ keyword
    return out;
}

std::vector<Method> read_methods(const std::string& xml_text, const std::string& file_name,
                                 const Config& config) {
    pugi::xml_document document;
    const auto parsed = document.load_buffer(xml_text.data(), xml_text.size());
    if (!parsed) {
        // Turn the byte offset into a line number for the message.
        const auto offset = static_cast<std::size_t>(parsed.offset);
        const auto line =
            1 + std::count(xml_text.begin(),
                           xml_text.begin() + static_cast<long>(std::min(offset, xml_text.size())),
                           '\n');
        throw GenError(file_name + ":" + std::to_string(line) + ": " + parsed.description());
    }
    const auto api = document.child("api");
    if (!api) throw GenError(file_name + ": no <api> element");
    std::vector<Method> methods;
    for (auto interface : api.children("interface")) {
        const std::string interface_name = interface.attribute("name").value();
        if (interface_name.empty()) throw GenError(file_name + ": <interface> without a name");
        if (!holds(interface, config, file_name + ": " + interface_name)) continue;
        for (auto method : interface.children("method")) {
            Method m{interface_name, method.attribute("name").value(), {}};
            const std::string where = file_name + ": " + interface_name + "." + m.name;
            if (m.name.empty())
                throw GenError(file_name + ": " + interface_name + ": <method> without a name");
            if (!holds(method, config, where)) continue;
            for (auto param : method.children("param")) {
                const std::string dir = param.attribute("dir").value();
                Param p{param.attribute("name").value(), param.attribute("type").value(),
                        dir == "out"};
                if (p.name.empty() || p.type.empty() || (dir != "in" && dir != "out"))
                    throw GenError(where + ": <param> needs name, type and dir=in|out");
                m.params.push_back(p);
            }
            methods.push_back(m);
        }
    }
    return methods;
}

std::string generate_header(const std::vector<Method>& methods) {
    std::map<std::string, std::vector<const Method*>> by_class;
    std::set<std::string> classes;
    for (const auto& m : methods) {
        by_class[m.interface].push_back(&m);
        classes.insert(m.interface);
        for (const auto& p : m.params)
            if (is_cap_type(p.type)) classes.insert(p.type);
    }
    std::ostringstream out;
    out << "// Generated at build time by sel4-invocations-gen from this kernel's interface\n"
           "// definitions. Do not edit.\n#pragma once\n\n#include <sel4/cap.hpp>\n"
           "#include <sel4/error.hpp>\n\nnamespace sel4 {\n\nnamespace tag {\n";
    std::set<std::string> tags;
    for (const auto& c : classes)
        tags.insert(class_name(c));
    for (const auto& t : tags)
        out << "struct " << t << ";\n";
    out << "}  // namespace tag\n\nnamespace cap {\n";
    for (const auto& t : tags)
        out << "using " << t << " = Cap<tag::" << t << ">;\n";
    out << "}  // namespace cap\n\n";

    // Declarations first: parameter types may be classes declared later.
    std::ostringstream definitions;
    for (const auto& [interface, list] : by_class) {
        const auto cls = class_name(interface);
        out << "template <>\nstruct CapMethods<tag::" << cls << "> : detail::CapStorage {\n";
        for (const auto* m : list) {
            std::vector<const Param*> ins, outs;
            for (const auto& p : m->params) {
                if (p.out && !struct_types.count(p.type))
                    outs.push_back(&p);
                else
                    ins.push_back(&p);
            }
            const std::string stub = interface + "_" + m->name;
            std::string result_type = outs.empty()       ? "void"
                                      : outs.size() == 1 ? cpp_type(outs[0]->type)
                                                         : stub + "_t";
            std::string signature;
            for (std::size_t i = 0; i < ins.size(); ++i) {
                if (i) signature += ", ";
                const auto& p = *ins[i];
                if (struct_types.count(p.type))
                    signature += (p.out ? "" : "const ") + p.type + "& " + p.name;
                else
                    signature += cpp_type(p.type) + " " + p.name;
            }
            const auto name = method_name(m->name);
            out << "    [[nodiscard]] Result<" << result_type << "> " << name << "(" << signature
                << ") const noexcept;\n";
            std::string arguments = "cptr_";
            for (const auto* p : ins) {
                arguments += ", ";
                if (struct_types.count(p->type) && !p->out)
                    arguments += "const_cast<" + p->type + "*>(&" + p->name + ")";
                else
                    arguments += stub_argument(*p);
            }
            definitions << "inline Result<" << result_type << "> CapMethods<tag::" << cls
                        << ">::" << name << "(" << signature << ") const noexcept {\n";
            if (outs.empty()) {
                definitions << "    const auto error = detail::to_error(" << stub << "("
                            << arguments
                            << "));\n    if (error != Error::ok) return error;\n    return {};\n";
            } else {
                definitions << "    const auto result = " << stub << "(" << arguments << ");\n"
                            << "    if (result.error != seL4_NoError) return "
                               "detail::to_error(result.error);\n";
                if (outs.size() == 1)
                    definitions << "    return " << cpp_type(outs[0]->type) << "(result."
                                << outs[0]->name << ");\n";
                else
                    definitions << "    return result;\n";
            }
            definitions << "}\n\n";
        }
        out << "};\n\n";
    }
    out << definitions.str() << "}  // namespace sel4\n";
    return out.str();
}

} // namespace sel4::invocations_gen

namespace sel4::invocations_gen {
namespace {

// How each system call looks in C++: which capability type it belongs to (empty: a free
// function in namespace sel4::debug or sel4), and its code. MCS and non-MCS kernels have
// different signatures for the receive family (MCS passes the reply object).
struct SyscallShape {
    const char* name;
    int mcs; // 1: MCS kernels only, 0: non-MCS only, -1: both
    const char* owner;
    const char* code;
};

const SyscallShape shapes[] = {
    {"Send", -1, "Endpoint",
     "void send(MessageInfo info) const noexcept { seL4_Send(cptr_, info.raw()); }"},
    {"NBSend", -1, "Endpoint",
     "void nb_send(MessageInfo info) const noexcept { seL4_NBSend(cptr_, info.raw()); }"},
    {"Call", -1, "Endpoint",
     "MessageInfo call(MessageInfo info) const noexcept { return MessageInfo(seL4_Call(cptr_, "
     "info.raw())); }"},
    {"Recv", 0, "Endpoint",
     "Received recv() const noexcept { seL4_Word badge = 0; const auto info = seL4_Recv(cptr_, "
     "&badge); return {MessageInfo(info), badge}; }"},
    {"Recv", 1, "Endpoint",
     "Received recv(Cap<tag::Reply> reply) const noexcept { seL4_Word badge = 0; const auto info = "
     "seL4_Recv(cptr_, &badge, reply.cptr()); return {MessageInfo(info), badge}; }"},
    {"NBRecv", 0, "Endpoint",
     "Received nb_recv() const noexcept { seL4_Word badge = 0; const auto info = "
     "seL4_NBRecv(cptr_, &badge); return {MessageInfo(info), badge}; }"},
    {"NBRecv", 1, "Endpoint",
     "Received nb_recv(Cap<tag::Reply> reply) const noexcept { seL4_Word badge = 0; const auto "
     "info = seL4_NBRecv(cptr_, &badge, reply.cptr()); return {MessageInfo(info), badge}; }"},
    {"ReplyRecv", 0, "Endpoint",
     "Received reply_recv(MessageInfo info) const noexcept { seL4_Word badge = 0; const auto "
     "received = seL4_ReplyRecv(cptr_, info.raw(), &badge); return {MessageInfo(received), badge}; "
     "}"},
    {"ReplyRecv", 1, "Endpoint",
     "Received reply_recv(MessageInfo info, Cap<tag::Reply> reply) const noexcept { seL4_Word "
     "badge = 0; const auto received = seL4_ReplyRecv(cptr_, info.raw(), &badge, reply.cptr()); "
     "return {MessageInfo(received), badge}; }"},
    {"NBSendRecv", 1, "Endpoint",
     "Received nb_send_recv(MessageInfo info, CPtr source, Cap<tag::Reply> reply) const noexcept { "
     "seL4_Word badge = 0; const auto received = seL4_NBSendRecv(cptr_, info.raw(), source.value, "
     "&badge, reply.cptr()); return {MessageInfo(received), badge}; }"},
    {"NBSendWait", 1, "Endpoint",
     "Received nb_send_wait(MessageInfo info, CPtr source) const noexcept { seL4_Word badge = 0; "
     "const auto received = seL4_NBSendWait(cptr_, info.raw(), source.value, &badge); return "
     "{MessageInfo(received), badge}; }"},
    {"Send", -1, "Notification", "void signal() const noexcept { seL4_Signal(cptr_); }"},
    {"Recv", 0, "Notification",
     "seL4_Word wait() const noexcept { seL4_Word badge = 0; seL4_Wait(cptr_, &badge); return "
     "badge; }"},
    {"Wait", 1, "Notification",
     "seL4_Word wait() const noexcept { seL4_Word badge = 0; seL4_Wait(cptr_, &badge); return "
     "badge; }"},
    {"NBRecv", 0, "Notification",
     "seL4_Word poll() const noexcept { seL4_Word badge = 0; seL4_Poll(cptr_, &badge); return "
     "badge; }"},
    {"NBWait", 1, "Notification",
     "seL4_Word poll() const noexcept { seL4_Word badge = 0; seL4_Poll(cptr_, &badge); return "
     "badge; }"},
    {"Reply", 0, "",
     "// Replies to the caller of the last received call.\ninline void reply(MessageInfo info) "
     "noexcept { seL4_Reply(info.raw()); }"},
    {"Yield", -1, "", "inline void yield() noexcept { seL4_Yield(); }"},
    {"DebugPutChar", -1, "debug",
     "inline void put_char(char c) noexcept { seL4_DebugPutChar(c); }"},
    {"DebugDumpScheduler", -1, "debug",
     "inline void dump_scheduler() noexcept { seL4_DebugDumpScheduler(); }"},
    {"DebugHalt", -1, "debug",
     "[[noreturn]] inline void halt() noexcept { seL4_DebugHalt(); __builtin_unreachable(); }"},
    {"DebugCapIdentify", -1, "debug",
     "// The kernel's type number of the capability in a slot (0: empty).\ninline seL4_Uint32 "
     "cap_identify(CPtr cap) noexcept { return seL4_DebugCapIdentify(cap.value); }"},
    {"DebugSnapshot", -1, "debug", "inline void snapshot() noexcept { seL4_DebugSnapshot(); }"},
    {"DebugNameThread", -1, "debug",
     "inline void name_thread(Cap<tag::Tcb> tcb, const char* name) noexcept { "
     "seL4_DebugNameThread(tcb.cptr(), name); }"},
    {"BenchmarkResetLog", -1, "benchmark",
     "[[nodiscard]] inline Result<void> reset_log() noexcept { const auto e = detail::to_error(seL4_BenchmarkResetLog()); if (e != Error::ok) return e; return {}; }"},
    {"BenchmarkFinalizeLog", -1, "benchmark",
     "inline seL4_Word finalize_log() noexcept { return seL4_BenchmarkFinalizeLog(); }"},
    {"BenchmarkSetLogBuffer", -1, "benchmark",
     "[[nodiscard]] inline Result<void> set_log_buffer(CPtr frame) noexcept { const auto e = detail::to_error(seL4_BenchmarkSetLogBuffer(frame.value)); if (e != Error::ok) return e; return {}; }"},
    {"BenchmarkNullSyscall", -1, "benchmark",
     "inline void null_syscall() noexcept { seL4_BenchmarkNullSyscall(); }"},
    {"BenchmarkFlushCaches", -1, "benchmark",
     "inline void flush_caches() noexcept { seL4_BenchmarkFlushCaches(); }"},
    {"BenchmarkGetThreadUtilisation", -1, "benchmark",
     "// Writes the thread's utilisation into the IPC buffer.\ninline void get_thread_utilisation(Cap<tag::Tcb> tcb) noexcept { seL4_BenchmarkGetThreadUtilisation(tcb.cptr()); }"},
    {"BenchmarkResetThreadUtilisation", -1, "benchmark",
     "inline void reset_thread_utilisation(Cap<tag::Tcb> tcb) noexcept { seL4_BenchmarkResetThreadUtilisation(tcb.cptr()); }"},
    {"BenchmarkDumpAllThreadsUtilisation", -1, "benchmark",
     "inline void dump_all_threads_utilisation() noexcept { seL4_BenchmarkDumpAllThreadsUtilisation(); }"},
    {"BenchmarkResetAllThreadsUtilisation", -1, "benchmark",
     "inline void reset_all_threads_utilisation() noexcept { seL4_BenchmarkResetAllThreadsUtilisation(); }"},
};

} // namespace

std::vector<std::string> read_syscalls(const std::string& xml_text, const std::string& file_name,
                                       const Config& config) {
    pugi::xml_document document;
    if (!document.load_buffer(xml_text.data(), xml_text.size()))
        throw GenError(file_name + ": not well-formed XML");
    const auto root = document.child("syscalls");
    if (!root) throw GenError(file_name + ": no <syscalls> element");
    const bool mcs = config.count("CONFIG_KERNEL_MCS") > 0;
    std::vector<std::string> names;
    for (const char* section : {mcs ? "api-mcs" : "api-master", "debug"}) {
        for (auto group : root.child(section).children("config")) {
            if (!holds(group, config, file_name + ": " + section)) continue;
            for (auto syscall : group.children("syscall"))
                names.push_back(syscall.attribute("name").value());
        }
    }
    if (names.empty()) throw GenError(file_name + ": no system calls for this configuration");
    return names;
}

std::string generate_syscalls_header(const std::vector<std::string>& syscalls, bool mcs) {
    const std::set<std::string> available(syscalls.begin(), syscalls.end());
    std::map<std::string, std::vector<std::string>> members;
    for (const auto& shape : shapes) {
        if (!available.count(shape.name)) continue;
        if (shape.mcs != -1 && shape.mcs != (mcs ? 1 : 0)) continue;
        members[shape.owner].push_back(shape.code);
    }
    std::ostringstream out;
    out << "// Generated at build time by sel4-invocations-gen from this kernel's "
           "api/syscall.xml.\n"
           "// Do not edit.\n#pragma once\n\n#include <sel4/cap.hpp>\n#include <sel4/error.hpp>\n"
           "#include <sel4/message.hpp>\n\n"
           "namespace sel4 {\n\nnamespace tag {\nstruct Endpoint;\nstruct Notification;\nstruct "
           "Reply;\n"
           "struct Tcb;\n}  // namespace tag\n\n";
    for (const char* owner : {"Endpoint", "Notification"}) {
        out << "template <>\nstruct CapMethods<tag::" << owner << "> : detail::CapStorage {\n";
        for (const auto& code : members[owner])
            out << "    " << code << "\n";
        out << "};\n\n";
    }
    out << "namespace cap {\nusing Endpoint = Cap<tag::Endpoint>;\nusing Notification = "
           "Cap<tag::Notification>;\nusing Reply = Cap<tag::Reply>;\n}  // namespace cap\n\n";
    for (const auto& code : members[""])
        out << code << "\n\n";
    out << "namespace debug {\n";
    for (const auto& code : members["debug"])
        out << code << "\n";
    out << "}  // namespace debug\n\nnamespace benchmark {\n";
    for (const auto& code : members["benchmark"]) out << code << "\n";
    out << "}  // namespace benchmark\n\ninline constexpr bool kernel_is_mcs = "
        << (mcs ? "true" : "false") << ";\n\n}  // namespace sel4\n";
    return out.str();
}

} // namespace sel4::invocations_gen
