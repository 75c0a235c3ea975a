#!/usr/bin/env python3
"""Image sizes: each C++ program next to its hand-written C equivalent, per architecture.

Builds (in the build dirs scripts/test.sh uses) and measures the text (code and read-only data,
as `size` counts it) of:
  minimal      a root task writing one line with seL4_DebugPutChar (-fno-exceptions -fno-rtti,
               4 KiB stack, no heap)        vs minimal-c: libsel4 only, its own _start and TLS
  minimal-pd   a Microkit PD handling one notification (-fno-exceptions -fno-rtti, no heap)
               vs minimal-pd-c: the same PD in C on the SDK's libmicrokit
  sdk-hello    the SDK's example/hello/hello.c on this runtime vs on the SDK's libmicrokit
  hello        the README's root task (exceptions, printf, heap): no C equivalent
Rerun after changes:  benchmarks/sizes.py [--no-build] [--readme]
--readme rewrites the table in README.md (between the sizes markers) with the date and machine.
"""
import glob
import pathlib
import subprocess
import sys

import report

root = pathlib.Path(__file__).resolve().parent.parent
build_root = root / "build"
arch_of = {"aarch64": "aarch64", "riscv64": "riscv64", "x86_64": "x86_64"}
cross = {"aarch64": "aarch64-linux-gnu-", "riscv64": "riscv64-linux-gnu-", "x86_64": ""}


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def text_size(arch, elf):
    if not elf.exists():
        return None
    out = run([f"{cross[arch]}size", "-B", str(elf)]).stdout.splitlines()
    return int(out[-1].split()[0]) if len(out) > 1 else None


def build(directory, configure, targets):
    if "--no-build" in sys.argv:
        return True
    if not (directory / "build.ninja").exists():
        directory.mkdir(parents=True, exist_ok=True)
        result = run(["cmake", "-S", str(root), "-B", str(directory), "-G", "Ninja",
                      "-DCMAKE_BUILD_TYPE=RelWithDebInfo", *configure])
        if result.returncode:
            print(f"{directory}: configuration failed\n{result.stderr[-2000:]}")
            return False
    result = run(["cmake", "--build", str(directory), "-j2", "--target", *targets])
    if result.returncode:
        print(f"{directory}: build failed\n{result.stdout[-2000:]}")
    return result.returncode == 0


rows = []  # (arch, program, c++ bytes, c bytes or None, what the C is)
for config in ["aarch64-qemu-arm-virt", "riscv64-qemu-riscv-virt", "x86_64-pc99"]:
    prefix = pathlib.Path("/opt/sel4") / config
    if not (prefix / "bin/kernel.elf").exists():
        print(f"{config}: no seL4 at {prefix}: skipped")
        continue
    arch = config.split("-")[0]
    directory = build_root / "sel4" / config
    if not build(directory, [f"-DCMAKE_TOOLCHAIN_FILE={root}/cmake/toolchains/sel4.cmake",
                             f"-DSEL4_PREFIX={prefix}"], ["minimal", "minimal-c", "hello"]):
        continue
    rows.append((arch, "minimal root task", text_size(arch, directory / "benchmarks/minimal"),
                 text_size(arch, directory / "benchmarks/minimal-c"), "libsel4 + own _start"))
    rows.append((arch, "hello root task", text_size(arch, directory / "examples/root-task/hello/hello"),
                 None, ""))

sdks = sorted(glob.glob("/opt/microkit/*/bin/microkit"))
if not sdks:
    print("Microkit: no SDK in /opt/microkit: PD sizes skipped")
for tool in sdks:
    sdk = pathlib.Path(tool).parent.parent
    for board, arch in [("qemu_virt_aarch64", "aarch64"), ("qemu_virt_riscv64", "riscv64")]:
        if not (sdk / "board" / board / "debug").exists():
            continue
        directory = build_root / "microkit" / f"microkit-{sdk.name}-{board}"
        if not build(directory, [f"-DCMAKE_TOOLCHAIN_FILE={root}/cmake/toolchains/microkit.cmake",
                                 f"-DMICROKIT_SDK={sdk}", f"-DMICROKIT_BOARD={board}",
                                 "-DMICROKIT_CONFIG=debug"],
                     ["minimal-pd", "minimal-pd-c", "hello", "sdk-hello-c"]):
            continue
        rows.append((arch, "minimal Microkit PD", text_size(arch, directory / "benchmarks/minimal-pd.elf"),
                     text_size(arch, directory / "benchmarks/minimal-pd-c.elf"), "libmicrokit"))
        rows.append((arch, "SDK hello.c PD", text_size(arch, directory / "tests/microkit/sdk-hello/hello.elf"),
                     text_size(arch, directory / "benchmarks/sdk-hello-c.elf"), "libmicrokit"))

lines = ["| arch | program | C++ (bytes) | C equivalent (bytes) | ratio |", "|---|---|---:|---:|---:|"]
for arch, program, cpp, c, what in sorted(rows, key=lambda r: (r[1], r[0])):
    ratio = f"{cpp / c:.2f}x" if cpp and c else "—"
    c_text = f"{c} ({what})" if c else "—"
    lines.append(f"| {arch} | {program} | {cpp if cpp else '?'} | {c_text} | {ratio} |")
stamp = f"Measured {report.today()} on {report.machine()}), " \
        f"`benchmarks/sizes.py`, text as `size` counts it (code, read-only data, unwind tables)."
report.publish(root, "sizes", lines, stamp)
