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

// Methods sel4/blueprint.hpp overloads beside the generated ones: untyped.retype(blueprint, slot).
const std::set<std::pair<std::string, std::string>> extension_overloads = {{"Untyped", "retype"}};

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

namespace {

// The XML's documentation as plain text: <texttt> as `code`, <obj> by name, the manual's
// cross-references (<docref>, <autoref>, <shortref>) dropped, whitespace collapsed.
void append_text(const pugi::xml_node& node, std::string& out) {
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            out += child.value();
            continue;
        }
        const std::string kind = child.name();
        if (kind == "texttt")
            out += std::string("`") + child.attribute("text").value() + "`";
        else if (kind == "obj")
            out += child.attribute("name").value();
        else if (kind != "docref" && kind != "autoref" && kind != "shortref")
            append_text(child, out);
    }
}

std::string collapse(const std::string& text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string text_of(const pugi::xml_node& node) {
    std::string out;
    if (node) append_text(node, out);
    return collapse(out);
}

} // namespace

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
            Method m{interface_name, method.attribute("name").value(), {}, {}, {}};
            const std::string where = file_name + ": " + interface_name + "." + m.name;
            if (m.name.empty())
                throw GenError(file_name + ": " + interface_name + ": <method> without a name");
            if (!holds(method, config, where)) continue;
            m.brief = text_of(method.child("brief"));
            m.description = text_of(method.child("description"));
            const auto returns = text_of(method.child("return"));
            if (!returns.empty()) m.description += (m.description.empty() ? "" : " ") + returns;
            for (auto param : method.children("param")) {
                const std::string dir = param.attribute("dir").value();
                Param p{param.attribute("name").value(), param.attribute("type").value(),
                        dir == "out", param.attribute("description").value()};
                if (p.name.empty() || p.type.empty() || (dir != "in" && dir != "out"))
                    throw GenError(where + ": <param> needs name, type and dir=in|out");
                p.description = collapse(p.description + " " + text_of(param.child("description")));
                m.params.push_back(p);
            }
            methods.push_back(m);
        }
    }
    return methods;
}

CapTable parse_cap_table(const std::string& text, const std::string& file_name) {
    CapTable table;
    std::istringstream lines(text);
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
        std::istringstream words(line);
        CapParameter entry;
        std::string kernel, types;
        if (!(words >> entry.class_name) || entry.class_name[0] == '#') continue;
        const auto where = file_name + ":" + std::to_string(number) + ": ";
        if (!(words >> entry.method >> entry.parameter >> kernel >> types))
            throw GenError(where + "want: class method parameter any|mcs|non-mcs type(s)|raw why");
        if (kernel == "mcs")
            entry.mcs = 1;
        else if (kernel == "non-mcs")
            entry.mcs = 0;
        else if (kernel != "any")
            throw GenError(where + "kernel must be any, mcs or non-mcs, not '" + kernel + "'");
        if (types == "raw") {
            std::getline(words, entry.why_raw);
            entry.why_raw = collapse(entry.why_raw);
            if (entry.why_raw.empty()) throw GenError(where + "a raw parameter needs its reason");
        } else {
            std::istringstream alternatives(types);
            for (std::string type; std::getline(alternatives, type, '|');)
                if (!type.empty()) entry.types.push_back(type);
        }
        table.push_back(entry);
    }
    return table;
}

namespace {

// How one parameter appears in C++: its type(s) (overloads when several), its name, and how it
// is passed on to the libsel4 stub.
struct Resolved {
    std::vector<std::string> types; // C++ types
    std::string name;               // snake_case
    bool xml_capability = false;    // the XML says this is a capability
    bool raw = false;               // taken as CPtr or a word
    std::string why_raw;
};

Resolved resolve(const Method& method, const Param& param, const Options& options) {
    Resolved r;
    r.name = method_name(param.name);
    r.xml_capability = param.type == "seL4_CPtr" || is_cap_type(param.type);
    const auto cls = class_name(method.interface);
    const auto name = method_name(method.name);
    for (const auto& entry : options.cap_table) {
        if (entry.class_name != cls || entry.method != name || entry.parameter != r.name) continue;
        if (entry.mcs != -1 && entry.mcs != (options.mcs ? 1 : 0)) continue;
        if (entry.types.empty()) {
            r.types = {"CPtr"};
            r.raw = true;
            r.why_raw = entry.why_raw;
        } else {
            for (const auto& type : entry.types)
                r.types.push_back("Cap<tag::" + type + ">");
        }
        return r;
    }
    if (param.type == "seL4_Bool")
        r.types = {"bool"};
    else if (param.type == "seL4_CPtr")
        r.types = {"CPtr"}, r.raw = true;
    else if (is_cap_type(param.type))
        r.types = {"Cap<tag::" + class_name(param.type) + ">"};
    else if (struct_types.count(param.type))
        r.types = {(param.out ? "" : "const ") + param.type + "&"};
    else
        r.types = {param.type};
    return r;
}

std::string result_cpp_type(const Param& param) {
    if (param.type == "seL4_Bool") return "bool";
    if (is_cap_type(param.type)) return "Cap<tag::" + class_name(param.type) + ">";
    return param.type;
}

std::string stub_argument(const Param& param, const std::string& cpp_type,
                          const std::string& name) {
    if (struct_types.count(param.type))
        return param.out ? "&" + name : "const_cast<" + param.type + "*>(&" + name + ")";
    if (cpp_type == "CPtr") return name + ".value";
    if (cpp_type.rfind("Cap<", 0) == 0) return name + ".cptr()";
    return name;
}

// Words joined by separator, broken into lines of at most `width` columns; continuation lines
// start with `indent`.
std::string wrap_list(const std::string& head, const std::vector<std::string>& items,
                      const std::string& separator, const std::string& tail,
                      const std::string& indent, std::size_t width = 100) {
    std::string one_line = head;
    for (std::size_t i = 0; i < items.size(); ++i)
        one_line += (i ? separator : "") + items[i];
    one_line += tail;
    if (one_line.size() <= width) return one_line;
    std::string out = head, line;
    out += "\n";
    line = indent;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string item = items[i] + (i + 1 < items.size() ? separator : tail);
        if (line.size() > indent.size() && line.size() + item.size() > width) {
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            out += line + "\n";
            line = indent;
        }
        line += item;
    }
    if (items.empty()) line += tail;
    return out + line;
}

// A paragraph as "/// " comment lines of at most `width` columns.
void comment(std::ostringstream& out, const std::string& indent, const std::string& text,
             std::size_t width = 100) {
    std::istringstream words(text);
    std::string line, word;
    while (words >> word) {
        if (!line.empty() && indent.size() + 4 + line.size() + 1 + word.size() > width) {
            out << indent << "/// " << line << "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
    }
    if (!line.empty()) out << indent << "/// " << line << "\n";
}

// Every combination of the parameters' alternative types.
void expand(const std::vector<Resolved>& params, std::size_t index,
            std::vector<std::string>& chosen, std::vector<std::vector<std::string>>& out) {
    if (index == params.size()) {
        out.push_back(chosen);
        return;
    }
    for (const auto& type : params[index].types) {
        chosen.push_back(type);
        expand(params, index + 1, chosen, out);
        chosen.pop_back();
    }
}

} // namespace

std::vector<std::string> untyped_capability_parameters(const std::vector<Method>& methods,
                                                       const Options& options) {
    std::vector<std::string> found;
    for (const auto& m : methods)
        for (const auto& p : m.params) {
            const auto r = resolve(m, p, options);
            if (r.xml_capability && r.raw && r.why_raw.empty())
                found.push_back(class_name(m.interface) + "::" + method_name(m.name) + "(" +
                                r.name + ")");
        }
    return found;
}

std::string generate_header(const std::vector<Method>& methods, const Options& options) {
    std::map<std::string, std::vector<const Method*>> by_class;
    std::set<std::string> tags;
    for (const auto& m : methods) {
        by_class[m.interface].push_back(&m);
        tags.insert(class_name(m.interface));
        for (const auto& p : m.params)
            for (const auto& type : resolve(m, p, options).types)
                if (type.rfind("Cap<tag::", 0) == 0) tags.insert(type.substr(9, type.size() - 10));
    }
    std::ostringstream out;
    out << "// Generated at build time by sel4-invocations-gen from this kernel's interface\n"
           "// definitions. Do not edit.\n#pragma once\n\n#include <sel4/blueprint.hpp>\n"
           "#include <sel4/error.hpp>\n\nnamespace sel4 {\n\nnamespace tag {\n";
    for (const auto& t : tags)
        out << "struct " << t << ";\n";
    out << "} // namespace tag\n\nnamespace cap {\n";
    for (const auto& t : tags)
        out << "using " << t << " = Cap<tag::" << t << ">; ///< A capability to a " << t
            << " object.\n";
    out << "} // namespace cap\n\n";

    // Declarations first: parameter types may be classes declared later.
    std::ostringstream definitions;
    for (const auto& [interface, list] : by_class) {
        const auto cls = class_name(interface);
        out << "/// The invocations of a " << cls << " capability (" << interface << ").\n";
        out << "template <>\nstruct CapMethods<tag::" << cls
            << "> : detail::CapExtensions<tag::" << cls << "> {\n";
        // Hand-written overloads (sel4/blueprint.hpp) of a generated name stay visible.
        for (const auto& [extended, name] : extension_overloads)
            if (extended == cls)
                out << "    using detail::CapExtensions<tag::" << cls << ">::" << name << ";\n";
        for (const auto* m : list) {
            std::vector<const Param*> ins, outs;
            for (const auto& p : m->params) {
                if (p.out && !struct_types.count(p.type))
                    outs.push_back(&p);
                else
                    ins.push_back(&p);
            }
            const std::string stub = interface + "_" + m->name;
            const std::string result_type = outs.empty()       ? "void"
                                            : outs.size() == 1 ? result_cpp_type(*outs[0])
                                                               : stub + "_t";
            std::vector<Resolved> resolved;
            for (const auto* p : ins)
                resolved.push_back(resolve(*m, *p, options));
            std::vector<std::vector<std::string>> overloads;
            std::vector<std::string> chosen;
            expand(resolved, 0, chosen, overloads);
            const auto name = method_name(m->name);

            // The kernel's documentation, as Doxygen reads it.
            out << "\n";
            if (!m->brief.empty()) comment(out, "    ", m->brief);
            if (!m->description.empty()) {
                if (!m->brief.empty()) out << "    ///\n";
                comment(out, "    ", m->description);
            }
            for (std::size_t i = 0; i < ins.size(); ++i) {
                std::string text = "@param " + resolved[i].name + " " + ins[i]->description;
                if (!resolved[i].why_raw.empty())
                    text += " (A raw CPtr: " + resolved[i].why_raw + ".)";
                comment(out, "    ", text);
            }
            for (const auto* p : outs)
                if (!p->description.empty())
                    comment(out, "    ", "@return " + method_name(p->name) + ": " + p->description);
            comment(out, "    ", "Corresponds to `" + stub + "`.");

            bool first_overload = true;
            for (const auto& types : overloads) {
                // Further overloads take other capability types for the same parameters.
                if (!first_overload) comment(out, "    ", "@copydoc " + name);
                first_overload = false;
                std::vector<std::string> params, arguments{"cptr_"};
                for (std::size_t i = 0; i < ins.size(); ++i) {
                    const auto& type = types[i];
                    params.push_back(type + " " + resolved[i].name);
                    arguments.push_back(stub_argument(*ins[i], type, resolved[i].name));
                }
                out << wrap_list("    [[nodiscard]] Result<" + result_type + "> " + name + "(",
                                 params, ", ", ") const noexcept;", "        ")
                    << "\n";
                definitions << wrap_list("inline Result<" + result_type +
                                             "> CapMethods<tag::" + cls + ">::" + name + "(",
                                         params, ", ", ") const noexcept {", "    ")
                            << "\n";
                if (outs.empty()) {
                    definitions << wrap_list("    return detail::to_result(" + stub + "(",
                                             arguments, ", ", "));", "        ")
                                << "\n";
                } else {
                    definitions << wrap_list("    const auto result = " + stub + "(", arguments,
                                             ", ", ");", "        ")
                                << "\n    if (result.error != seL4_NoError) return "
                                   "detail::to_error(result.error);\n";
                    if (outs.size() == 1)
                        definitions << "    return " << result_type << "(result." << outs[0]->name
                                    << ");\n";
                    else
                        definitions << "    return result;\n";
                }
                definitions << "}\n\n";
            }
        }
        out << "};\n\n";
    }
    // Endpoints and notifications get their methods there, before the definitions below take
    // them by value.
    out << "} // namespace sel4\n\n#include <sel4/gen/syscalls.hpp>\n\nnamespace sel4 {\n\n"
        << definitions.str() << "} // namespace sel4\n";
    return out.str();
}

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

std::string generate_syscalls_header(const std::string& template_text,
                                     const std::vector<std::string>& syscalls, bool mcs) {
    const std::set<std::string> available(syscalls.begin(), syscalls.end());
    std::istringstream lines(template_text);
    std::ostringstream out;
    std::string line;
    bool keep = true, inside = false;
    for (int number = 1; std::getline(lines, line); ++number) {
        const auto first = line.find_first_not_of(' ');
        const std::string trimmed = first == std::string::npos ? "" : line.substr(first);
        if (trimmed.rfind("// @if ", 0) == 0) {
            if (inside)
                throw GenError("syscalls template:" + std::to_string(number) + ": nested @if");
            std::istringstream words(trimmed.substr(7));
            std::string name, form;
            words >> name >> form;
            inside = true;
            keep = available.count(name) && (form.empty() || (form == "mcs") == mcs);
            if (!form.empty() && form != "mcs" && form != "non-mcs")
                throw GenError("syscalls template:" + std::to_string(number) + ": form '" + form +
                               "' is neither mcs nor non-mcs");
            continue;
        }
        if (trimmed == "// @endif") {
            if (!inside)
                throw GenError("syscalls template:" + std::to_string(number) + ": stray @endif");
            inside = false, keep = true;
            continue;
        }
        if (!keep) continue;
        if (const auto at = line.find("@MCS@"); at != std::string::npos)
            line.replace(at, 5, mcs ? "true" : "false");
        out << line << "\n";
    }
    if (inside) throw GenError("syscalls template: @if without @endif");
    return out.str();
}

} // namespace sel4::invocations_gen
