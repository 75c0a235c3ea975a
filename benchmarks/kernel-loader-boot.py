#!/usr/bin/env python3
"""Kernel loader benchmark: size, and time from QEMU start to kernel entry.

Boots each loader test image (from the host build) several times with sel4-qemu-run
--timestamps and reports the median seconds from QEMU's start to the loader's first line and to
the test kernel's first line (= kernel entry), plus the loader's size. Rerun after changes:
    benchmarks/kernel-loader-boot.py [build/host] [runs]
"""
import pathlib
import re
import statistics
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
build = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root / "build/host")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
runner = root / "sel4-simulate/sel4-qemu-run"
firmware32 = build / "loader-riscv32/sel4-riscv32-firmware/sel4-riscv32-firmware"
cases = [("aarch64", "el1", []), ("aarch64", "el2-hypervisor", ["--el2"]), ("riscv64", "s-mode", []),
         ("aarch32", "svc", []), ("riscv32", "s-mode", ["--firmware", str(firmware32)])]
size_tool = {"aarch64": "aarch64-linux-gnu-size", "riscv64": "riscv64-linux-gnu-size",
             "aarch32": "arm-linux-gnueabihf-size", "riscv32": "riscv64-unknown-elf-size"}

print(f"{'image':<28} {'loader bytes':>12} {'to loader':>10} {'to kernel':>10}  (median of {runs})")
for arch, name, flags in cases:
    image = build / f"tests/kernel-loader/loader-{arch}-{name}.img"
    loader = build / f"loader-{arch}/sel4-kernel-loader/sel4-kernel-loader"
    if not image.exists():
        print(f"{arch}-{name}: {image} missing: build the host preset first")
        continue
    size = subprocess.run([size_tool[arch], "-B", str(loader)], capture_output=True,
                          text=True).stdout.splitlines()[-1].split()
    loader_bytes = int(size[0]) + int(size[1])  # text + data, as loaded from the image
    to_loader, to_kernel = [], []
    for _ in range(runs):
        out = subprocess.run([str(runner), "--arch", arch, "--image", str(image), *flags,
                              "--timestamps", "--success", "test-kernel: all boot arguments ok",
                              "--timeout", "30"], capture_output=True, text=True).stdout
        stamps = {}
        for line in out.splitlines():
            match = re.match(r"\[\s*([0-9.]+)\] (sel4-kernel-loader: started|test-kernel: entered)", line)
            if match:
                stamps.setdefault(match.group(2), float(match.group(1)))
        if len(stamps) == 2:
            to_loader.append(stamps["sel4-kernel-loader: started"])
            to_kernel.append(stamps["test-kernel: entered"])
    if to_kernel:
        print(f"{arch + '-' + name:<28} {loader_bytes:>12} {statistics.median(to_loader):>9.3f}s "
              f"{statistics.median(to_kernel):>9.3f}s")
    else:
        print(f"{arch}-{name}: no successful boot")
