#!/usr/bin/env python3
"""Doxygen input filter: the SDK's headers are commented in plain // (the project's style); this
turns those comments into Doxygen's for the API reference, without touching the sources.

  - the comment block that opens a file becomes the file's documentation (@file);
  - a // block on its own lines documents the declaration that follows; when it heads a run of
    declarations (no blank line between), it documents each of them,
    and when it heads a namespace or struct whose body is such a run, it documents the scope
    and each member (a copy of the block on each);
  - a trailing // after a declaration (`int x; // why`) documents that member;
  - <word> in comment text is escaped (it is prose, not HTML).
Line numbers are kept (the file's `#pragma once` gives its line to the @file command), so
Doxygen's warnings point at the real lines.
"""
import re
import sys

OWN_LINE = re.compile(r"^(\s*)//(?![/!])\s?(.*)$")
TRAILING = re.compile(r"^(.*[;,{]\s*)//(?![/!<])\s?(.*)$")
ONE_LINE_DECLARATION = re.compile(r"^\s*[^/#\s}].*[;,]\s*(//.*)?$")
SCOPE_OPENING = re.compile(r"^\s*(namespace|struct|class)\s+\w+[^;]*\{\s*$")


def prose(text):
    """Escapes < and > outside `code` spans."""
    parts = text.split("`")
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].replace("<", r"\<").replace(">", r"\>")
    return "`".join(parts)


def group_length(lines, start):
    """How many lines the run of declarations after a comment block takes: declarations with no
    blank line or comment between them (one-line ones, or whole definitions), at least two of
    them, ending inside the enclosing scope. 0 if they are not such a run."""
    depth = 0
    declarations = 0
    length = 0
    for line in lines[start:]:
        code = line.split("//")[0].strip()
        if depth == 0 and (code == "" or code.startswith("#") or code.startswith("}") and
                           not code.startswith("};")):
            break
        depth += code.count("{") - code.count("}")
        length += 1
        if depth < 0:
            return 0
        if depth == 0 and (code.endswith(";") or code.endswith("}") or code.endswith(",")):
            declarations += 1
    if depth != 0 or declarations < 2:
        return 0
    return length


def single_line(line):
    """A comment on its own line documents what follows; a trailing one, what it trails."""
    own = OWN_LINE.match(line)
    if own:
        return f"{own.group(1)}/// {prose(own.group(2))}".rstrip() + "\n"
    trailing = TRAILING.match(line)
    if trailing and trailing.group(1).count('"') % 2 == 0:
        return f"{trailing.group(1)}///< {prose(trailing.group(2))}".rstrip() + "\n"
    return line


def filter_lines(lines):
    out = []
    i = 0
    in_opening = True
    while i < len(lines):
        line = lines[i]
        own = OWN_LINE.match(line)
        if in_opening:
            if own:
                if not out:
                    out.append("/// @file\n")
                out.append(f"{own.group(1)}/// {prose(own.group(2))}".rstrip() + "\n")
                i += 1
                continue
            if line.strip() == "" and not out:
                out.append(line)
                i += 1
                continue
            in_opening = False
            if line.strip() == "#pragma once" and out:
                i += 1  # its line went to @file
                continue
        if own:
            block_end = i
            while block_end < len(lines) and OWN_LINE.match(lines[block_end]):
                block_end += 1
            texts = [prose(OWN_LINE.match(lines[j]).group(2)) for j in range(i, block_end)]
            start = block_end
            scope = start < len(lines) and SCOPE_OPENING.match(lines[start])
            if scope:
                start += 1
            run = group_length(lines, start)
            for j in range(i, block_end):
                out.append(f"{OWN_LINE.match(lines[j]).group(1)}/// {texts[j - i]}".rstrip() + "\n")
            if scope:
                out.append(lines[block_end])
            # The block documents each declaration of the run: each gets a copy of it (Doxygen's
            # member groups do not count as documentation for its warnings).
            joined = " ".join(texts).replace("*/", "* /")
            depth = 0
            at_declaration = True
            for j in range(start, start + run):
                code = lines[j].split("//")[0].strip()
                text = single_line(lines[j])
                if at_declaration and (scope or j != start):
                    indent = len(text) - len(text.lstrip())
                    text = f"{text[:indent]}/** {joined} */ {text[indent:]}"
                depth += code.count("{") + code.count("(") - code.count("}") - code.count(")")
                at_declaration = depth == 0 and code.endswith((";", "}", ","))
                out.append(text)
            i = start + run
            continue
        out.append(single_line(line))
        i += 1
    return out


def main():
    with open(sys.argv[1], encoding="utf-8") as source:
        lines = source.readlines()
    sys.stdout.write("".join(filter_lines(lines)))


if __name__ == "__main__":
    main()
