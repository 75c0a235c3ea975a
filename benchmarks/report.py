"""What the benchmarks share: the machine they ran on, tables of C++ next to C, and rewriting
their section of the README between its markers."""
import datetime
import os
import platform
import re
import sys


def machine():
    """The host's CPU model and core count, as the tables' footnotes give them."""
    with open("/proc/cpuinfo") as cpuinfo:
        cpu = next((l.split(":", 1)[1].strip() for l in cpuinfo if l.startswith("model name")),
                   platform.machine())
    return f"{cpu} ({os.cpu_count()} cores"


def today():
    return datetime.date.today().isoformat()


def best_counts(output, prefix):
    """The smallest count of each kind in lines '<prefix>: clock <kind> <count>'."""
    counted = {}
    for m in re.finditer(re.escape(prefix) + r": clock ([a-z+ ]+?) (\d+)", output):
        counted[m.group(1)] = min(counted.get(m.group(1), float("inf")), int(m.group(2)))
    return counted


def round_trip_tables(rows, instruction_rows, names, c_name):
    """Markdown lines: round trips in µs, then (if any) in instructions, C++ beside c_name."""
    lines = [f"| arch | round trip | C++ API (µs) | {c_name} (µs) | C++/C |", "|---|---|---:|---:|---:|"]
    for arch, kind, cpp, c, ratio in rows:
        lines.append(f"| {arch} | {names[kind]} | {cpp:.2f} | {c:.2f} | {ratio:.2f} |")
    if instruction_rows:
        lines += ["", f"| arch | round trip | C++ API (instructions) | {c_name} (instructions) | C++/C |",
                  "|---|---|---:|---:|---:|"]
        for arch, kind, cpp, c, ratio in instruction_rows:
            lines.append(f"| {arch} | {names[kind]} | {cpp:.0f} | {c:.0f} | {ratio:.3f} |")
    return lines


def publish(root, marker, lines, stamp):
    """Prints the table and its footnote; with --readme, replaces the README's section between
    <!-- marker:begin --> and <!-- marker:end -->."""
    table = "\n".join(lines)
    print(table)
    print(stamp)
    if "--readme" not in sys.argv:
        return
    readme = root / "README.md"
    content = readme.read_text()
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    if begin not in content:
        sys.exit(f"README.md has no {marker} markers")
    content = re.sub(re.escape(begin) + ".*?" + re.escape(end),
                     lambda _: f"{begin}\n{table}\n\n{stamp}\n{end}", content, flags=re.S)
    readme.write_text(content)
    print("README.md updated")
