#!/usr/bin/env python3
"""Typed IPC (sel4/ipc.hpp) against hand-written set_mr/get_mr, on each seL4 build given.

Reports the code size of the client and server paths both ways (nm -S of the benchmark's
noinline functions) and the time per round trip where the kernel lets user level read a counter
(x86_64). Rerun after changes:
    benchmarks/ipc-typed.py build/sel4/x86_64-pc99 build/sel4/aarch64-qemu-arm-virt ...
(each a configured seL4 build; the ipc-benchmark target is built first).
"""
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
builds = [pathlib.Path(b) for b in sys.argv[1:]] or sorted((root / "build/sel4").glob("*/"))

for build in builds:
    if not (build / "build.ninja").exists():
        continue
    name = build.name
    subprocess.run(["cmake", "--build", str(build), "--target", "ipc-benchmark"], check=True,
                   capture_output=True)
    for image_target in ("ipc-benchmark-image",):
        subprocess.run(["cmake", "--build", str(build), "--target", image_target],
                       capture_output=True)
    elf = build / "benchmarks/ipc/ipc-benchmark"
    sizes = {}
    for line in subprocess.run(["nm", "-S", "-C", str(elf)], capture_output=True,
                               text=True).stdout.splitlines():
        parts = line.split(maxsplit=3)
        if len(parts) == 4:
            for function in ("hand_written_call", "typed_call", "hand_written_serve",
                             "typed_serve"):
                if re.search(rf"\b{function}\(", parts[3]):
                    sizes[function] = int(parts[1], 16)
    run = subprocess.run(["ctest", "--test-dir", str(build), "-R", "^ipc-benchmark.boot$", "-V"],
                         capture_output=True, text=True).stdout
    timing = [l.split("ipc-benchmark: ", 1)[1] for l in run.splitlines() if "ipc-benchmark: " in l
              and "round trips" in l]
    print(f"{name}: client {sizes.get('hand_written_call')} B hand-written, "
          f"{sizes.get('typed_call')} B typed; server {sizes.get('hand_written_serve')} B, "
          f"{sizes.get('typed_serve')} B; {timing[0] if timing else 'did not run'}")
