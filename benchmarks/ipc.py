#!/usr/bin/env python3
"""IPC round trips with the C++ API and with libsel4 from C, in one boot.

Boots benchmarks/programs/ipc (call / reply-receive between two threads, and notification
signal / wait both ways, 10000 rounds each, 5 repetitions alternating C++ and C) on each
non-MCS configuration and reports, per kind, the best repetition's time per round trip and the
C++/C ratio. The times are host time under QEMU's TCG (sel4-qemu-run --timestamps), which
tracks the instructions executed only roughly. Where the program can read a counter (x86_64's
TSC, through the runtime's clock), a second boot under QEMU's -icount shift=0, which makes that
counter count instructions, reports instructions per round trip; elsewhere the kernels export
no user-readable counter, and Debian's QEMU has no TCG plugin to count with.
Rerun after changes:  benchmarks/ipc.py [--no-build] [--readme]
"""
import pathlib
import re
import subprocess
import sys

import report

root = pathlib.Path(__file__).resolve().parent.parent
runner = root / "sel4-simulate/sel4-qemu-run"
rows = []
instruction_rows = []  # (arch, kind, C++ instructions, C instructions, ratio)
for config in ["aarch64-qemu-arm-virt", "riscv64-qemu-riscv-virt", "x86_64-pc99"]:
    prefix = pathlib.Path("/opt/sel4") / config
    directory = root / "build/sel4" / config
    if not (prefix / "bin/kernel.elf").exists():
        print(f"{config}: no seL4 at {prefix}: skipped")
        continue
    if "--no-build" not in sys.argv:
        if not (directory / "build.ninja").exists():
            subprocess.run(["cmake", "-S", str(root), "-B", str(directory), "-G", "Ninja",
                            "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
                            f"-DCMAKE_TOOLCHAIN_FILE={root}/cmake/toolchains/sel4.cmake",
                            f"-DSEL4_PREFIX={prefix}"], check=True, capture_output=True)
        subprocess.run(["cmake", "--build", str(directory), "-j2", "--target", "ipc-bench",
                        "sel4-kernel32" if config.startswith("x86_64") else "ipc-bench-image"],
                       capture_output=True)
    arch = config.split("-")[0]
    elf = directory / "benchmarks/ipc-bench"
    if arch == "x86_64":
        boot = ["--arch", arch, "--kernel", str(directory / "kernel32.elf"), "--root-task", str(elf)]
    else:
        boot = ["--arch", arch, "--image", str(directory / "benchmarks/ipc-bench.img")]
    out = subprocess.run([str(runner), *boot, "--timestamps", "--success", "^ipc-bench: done",
                          "--timeout", "300"], capture_output=True, text=True).stdout
    marks = [(float(m.group(1)), m.group(2)) for m in
             re.finditer(r"\[\s*([0-9.]+)\] ipc-bench: (begin [a-z+ ]+|end)", out)]
    rounds = int(re.search(r"ipc-bench: (\d+) rounds", out).group(1)) if "rounds" in out else 0
    best = {}
    for (t0, what), (t1, _) in zip(marks, marks[1:]):
        if what.startswith("begin"):
            kind = what[len("begin "):]
            best[kind] = min(best.get(kind, float("inf")), t1 - t0)
    if not rounds or len(best) != 4:
        print(f"{config}: the benchmark did not complete\n{out[-1500:]}")
        continue
    for kind in ["call", "signal"]:
        cpp, c = best[f"{kind} c++"], best[f"{kind} c"]
        rows.append((arch, kind, cpp / rounds * 1e6, c / rounds * 1e6, cpp / c))
    if "ipc-bench: clock" not in out:
        continue
    # Instructions: the clock's nanoseconds are instructions under -icount shift=0.
    out = subprocess.run([str(runner), *boot, "--qemu-args", "-icount shift=0,sleep=off",
                          "--success", "^ipc-bench: done", "--timeout", "600"],
                         capture_output=True, text=True).stdout
    counted = report.best_counts(out, "ipc-bench")
    if len(counted) == 4:
        for kind in ["call", "signal"]:
            cpp, c = counted[f"{kind} c++"], counted[f"{kind} c"]
            instruction_rows.append((arch, kind, cpp / rounds, c / rounds, cpp / c))

names = {"call": "call / reply-recv round trip", "signal": "signal / wait round trip"}
lines = report.round_trip_tables(rows, instruction_rows, names, "libsel4 C")
stamp = (f"Measured {report.today()} on {report.machine()}, shared), "
         "`benchmarks/ipc.py`: best of 5 repetitions of 10000 round trips, host time under TCG; "
         "instructions (all of them, kernel included) under `-icount shift=0`.")
report.publish(root, "ipc", lines, stamp)
