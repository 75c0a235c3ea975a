#!/usr/bin/env python3
"""Microkit round trips with the C++ API and with the SDK's libmicrokit from C, in one boot.

Boots benchmarks/programs/microkit-ipc.system on each Microkit board: a C++ client and a C client
(libmicrokit), each with a server of its own, take turns (5 repetitions each, alternating) at
4000 protected procedure calls (ppcall / reply) and 4000 notify / notified round trips with
their server. Reports, per kind, the best repetition's time per round trip and the C++/C ratio.
The times are host time under QEMU's TCG (sel4-qemu-run --timestamps), which tracks the
instructions executed only roughly. Where the clients can read a counter (the SDK's aarch64
kernel exports the physical count to user level), a second boot under QEMU's -icount shift=0,
which makes it count instructions (in 16-instruction ticks at 62.5 MHz), reports instructions
per round trip, the kernel's included.
Rerun after changes:  benchmarks/microkit-ipc.py [--no-build] [--readme]
--readme rewrites the table in README.md (between the microkit-ipc markers).
"""
import glob
import pathlib
import re
import subprocess
import sys

import report

root = pathlib.Path(__file__).resolve().parent.parent
runner = root / "sel4-simulate/sel4-qemu-run"
boards = {
    # As cmake/Sel4Microkit.cmake boots them.
    "qemu_virt_aarch64": ["--arch", "aarch64", "--el2", "--cpu", "cortex-a53", "--memory", "2G",
                          "--loader-address", "0x70000000"],
    "qemu_virt_riscv64": ["--arch", "riscv64", "--memory", "2G"],
}
rows = []
instruction_rows = []  # (arch, kind, C++ instructions, C instructions, ratio)
sdks = sorted(glob.glob("/opt/microkit/*/bin/microkit"))
if not sdks:
    print("Microkit: no SDK in /opt/microkit: skipped")
for tool in sdks:
    sdk = pathlib.Path(tool).parent.parent
    for board, boot in boards.items():
        if not (sdk / "board" / board / "debug").exists():
            print(f"{sdk.name} {board}: the SDK has no debug configuration: skipped")
            continue
        directory = root / "build/microkit" / f"microkit-{sdk.name}-{board}"
        if "--no-build" not in sys.argv:
            if not (directory / "build.ninja").exists():
                subprocess.run(["cmake", "-S", str(root), "-B", str(directory), "-G", "Ninja",
                                "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
                                f"-DCMAKE_TOOLCHAIN_FILE={root}/cmake/toolchains/microkit.cmake",
                                f"-DMICROKIT_SDK={sdk}", f"-DMICROKIT_BOARD={board}",
                                "-DMICROKIT_CONFIG=debug"], check=True, capture_output=True)
            subprocess.run(["cmake", "--build", str(directory), "-j2", "--target",
                            "microkit-ipc-image"], capture_output=True)
        image = directory / "benchmarks/microkit-ipc.img"
        out = subprocess.run([str(runner), *boot, "--image", str(image), "--timestamps",
                              "--success", "^microkit-ipc: done", "--timeout", "600"],
                             capture_output=True, text=True).stdout
        marks = [(float(m.group(1)), m.group(2)) for m in
                 re.finditer(r"\[\s*([0-9.]+)\] microkit-ipc: (begin [a-z+ ]+|end)", out)]
        found = re.search(r"microkit-ipc: (\d+) rounds", out)
        rounds = int(found.group(1)) if found else 0
        best = {}
        for (t0, what), (t1, _) in zip(marks, marks[1:]):
            if what.startswith("begin"):
                kind = what[len("begin "):]
                best[kind] = min(best.get(kind, float("inf")), t1 - t0)
        arch = board.split("_")[-1]
        if not rounds or len(best) != 4:
            print(f"{board}: the benchmark did not complete\n{out[-1500:]}")
            continue
        for kind in ["ppcall", "notify"]:
            cpp, c = best[f"{kind} c++"], best[f"{kind} c"]
            rows.append((arch, kind, cpp / rounds * 1e6, c / rounds * 1e6, cpp / c))
        if "microkit-ipc: clock" not in out:
            continue
        # Instructions: the clock's nanoseconds are instructions under -icount shift=0.
        out = subprocess.run([str(runner), *boot, "--image", str(image), "--qemu-args",
                              "-icount shift=0,sleep=off", "--success", "^microkit-ipc: done",
                              "--timeout", "600"], capture_output=True, text=True).stdout
        counted = report.best_counts(out, "microkit-ipc")
        if len(counted) == 4:
            for kind in ["ppcall", "notify"]:
                cpp, c = counted[f"{kind} c++"], counted[f"{kind} c"]
                instruction_rows.append((arch, kind, cpp / rounds, c / rounds, cpp / c))

names = {"ppcall": "protected call round trip", "notify": "notify / notified round trip"}
lines = report.round_trip_tables(rows, instruction_rows, names, "libmicrokit C")
stamp = (f"Measured {report.today()} on {report.machine()}, shared), "
         "`benchmarks/microkit-ipc.py`: best of 5 repetitions of 4000 round trips, host time "
         "under TCG; instructions (the kernel's included) under `-icount shift=0`.")
report.publish(root, "microkit-ipc", lines, stamp)
