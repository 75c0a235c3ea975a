#!/usr/bin/env python3
"""Driver benchmark: UDP echo round trips per second, TCP echo throughput and block reads per
second, through the driver PDs under QEMU, on each Microkit board.

Uses the Microkit builds scripts/test.sh makes (build/microkit/microkit-<version>-<board>); boots
drivers-net with the host side in benchmark mode and drivers-blk-bench, and prints a table.
Rerun after changes:
    benchmarks/drivers.py [build/microkit] [runs]
Figures are for QEMU's emulation (TCG) on this machine: compare them with each other, not with
hardware.
"""
import pathlib
import re
import statistics
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
builds = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root / "build/microkit")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
runner = root / "sel4-simulate/sel4-qemu-run"
boards = {
    "qemu_virt_aarch64": ["--arch", "aarch64", "--el2", "--cpu", "cortex-a53", "--memory", "2G",
                          "--loader-address", "0x70000000"],
    "qemu_virt_riscv64": ["--arch", "riscv64", "--memory", "2G"],
}
figure = re.compile(r"benchmark: (\w+) ([0-9.]+)")


def run(boot, image, extra):
    out = subprocess.run([str(runner), *boot, "--image", str(image), *extra],
                         capture_output=True, text=True).stdout
    return {m.group(1): float(m.group(2)) for m in map(figure.search, out.splitlines()) if m}


def main():
    found = False
    print(f"{'board':<20} {'UDP round trips/s':>18} {'TCP echo MB/s':>14} {'block reads/s':>14}"
          f"  (median of {runs})")
    for board, boot in boards.items():
        dirs = sorted(builds.glob(f"microkit-*-{board}"))
        if not dirs:
            continue
        found = True
        tests = dirs[-1] / "tests/drivers"
        disk = tests / "disk.img"
        net_image, blk_image = tests / "drivers-net.img", tests / "drivers-blk-bench.img"
        if not net_image.exists() or not blk_image.exists():
            print(f"{board}: images missing in {tests}: run scripts/test.sh first")
            continue
        udp, tcp, blk = [], [], []
        host = f"/usr/bin/python3 {root}/tests/drivers/net_echo_test.py --benchmark"
        for _ in range(runs):
            net = run(boot, net_image, ["--virtio-net", "0", "--forward", "udp:udp:7",
                                        "--forward", "tcp:tcp:7", "--capture", str(tests / "bench.pcap"),
                                        "--ready", "^net-client: ready",
                                        "--host-test", host, "--timeout", "180"])
            if "udp_round_trips_per_s" in net:
                udp.append(net["udp_round_trips_per_s"])
            if "tcp_echo_bytes_per_s" in net:
                tcp.append(net["tcp_echo_bytes_per_s"] / 1e6)
            b = run(boot, blk_image, ["--virtio-blk", f"1:{disk}:ro", "--success",
                                      "^blk-bench: done", "--timeout", "60"])
            if "blk_reads_per_s" in b:
                blk.append(b["blk_reads_per_s"])
        med = lambda xs, fmt: format(statistics.median(xs), fmt) if xs else "failed"
        print(f"{board:<20} {med(udp, '.0f'):>18} {med(tcp, '.2f'):>14} {med(blk, '.0f'):>14}")
    if not found:
        print(f"no Microkit builds in {builds}: run scripts/test.sh with a Microkit SDK first")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
