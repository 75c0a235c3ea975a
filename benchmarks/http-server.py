#!/usr/bin/env python3
"""HTTP server benchmark: requests per second and latency (median, p99) for a small file and a
1 MiB file over HTTP and HTTPS (one keep-alive connection each), and full TLS handshakes per
second, against the http-server demo under QEMU, on each Microkit board; each figure is the
median of several boots (3 unless told).

Uses the Microkit builds scripts/test.sh makes (build/microkit/microkit-<version>-<board>); boots
http-server with this script as its host side and prints a table. Rerun after changes:
    benchmarks/http-server.py [build/microkit] [runs]
Figures are for QEMU's emulation (TCG) on this machine: compare them with each other, not with
hardware.
"""
import os
import pathlib
import re
import socket
import ssl
import statistics
import subprocess
import sys
import time

root = pathlib.Path(__file__).resolve().parent.parent
runner = root / "sel4-simulate/sel4-qemu-run"
boards = {
    "qemu_virt_aarch64": ["--arch", "aarch64", "--el2", "--cpu", "cortex-a53", "--memory", "2G",
                          "--loader-address", "0x70000000"],
    "qemu_virt_riscv64": ["--arch", "riscv64", "--memory", "2G"],
}
figure = re.compile(r"benchmark: (\S+) ([0-9.]+)")
cases = [("small", "/style.css", 200), ("1 MiB", "/files/1mib.bin", 8)]


def client():
    """The host side: runs inside the boot, prints 'benchmark: <name> <value>' lines."""
    http_port = int(os.environ["SEL4_FORWARD_HTTP"])
    https_port = int(os.environ["SEL4_FORWARD_HTTPS"])
    cacert = sys.argv[3]
    context = ssl.create_default_context(cafile=cacert)

    def connect(tls):
        s = socket.create_connection(("127.0.0.1", https_port if tls else http_port), timeout=120)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return context.wrap_socket(s, server_hostname="localhost") if tls else s

    def get(s, path):
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
        data = b""
        while b"\r\n\r\n" not in data:
            data += s.recv(65536)
        head, body = data.split(b"\r\n\r\n", 1)
        length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
        while len(body) < length:
            body += s.recv(1 << 20)
        return len(body)

    for tls in (False, True):
        scheme = "https" if tls else "http"
        for name, path, count in cases:
            s = connect(tls)
            get(s, path)  # warm the cache and the connection
            times = []
            for _ in range(count):
                start = time.perf_counter()
                get(s, path)
                times.append(time.perf_counter() - start)
            s.close()
            times.sort()
            key = f"{scheme}_{name.replace(' ', '')}"
            print(f"benchmark: {key}_per_s {count / sum(times):.2f}")
            print(f"benchmark: {key}_median_ms {statistics.median(times) * 1e3:.2f}")
            print(f"benchmark: {key}_p99_ms {times[min(len(times) - 1, int(len(times) * 0.99))] * 1e3:.2f}")
    handshakes = []
    for _ in range(10):
        start = time.perf_counter()
        connect(True).close()
        handshakes.append(time.perf_counter() - start)
    print(f"benchmark: tls_handshakes_per_s {len(handshakes) / sum(handshakes):.2f}")
    print(f"benchmark: tls_handshake_median_ms {statistics.median(handshakes) * 1e3:.2f}")


def measure(boot, demo, host):
    out = subprocess.run([str(runner), *boot, "--image", str(demo / "http-server.img"),
                          "--virtio-net", "0", "--virtio-blk", f"1:{demo / 'disk.img'}:ro",
                          "--virtio-rng", "2", "--forward", "tcp:http:80",
                          "--forward", "tcp:https:443", "--ready", "^http-server: serving",
                          "--host-test", host, "--timeout", "900"],
                         capture_output=True, text=True).stdout
    values = {m.group(1): float(m.group(2)) for m in map(figure.search, out.splitlines()) if m}
    if not values:
        print(f"no figures; the run said:\n{out[-2000:]}")
    return values


def main():
    builds = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root / "build/microkit")
    rows = []
    for board, boot in boards.items():
        dirs = sorted(builds.glob(f"microkit-*-{board}"))
        demo = dirs[-1] / "examples/microkit/http-server" if dirs else None
        if not demo or not (demo / "http-server.img").exists():
            print(f"{board}: no http-server image in {builds}: run scripts/test.sh first")
            continue
        host = (f"/usr/bin/python3 {pathlib.Path(__file__).resolve()} --client - "
                f"{demo / 'certificate/server.crt'}")
        runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
        samples = {}
        for _ in range(runs):
            for key, value in measure(boot, demo, host).items():
                samples.setdefault(key, []).append(value)
        values = {key: statistics.median(v) for key, v in samples.items()}
        if not values:
            print(f"{board}: no figures")
            continue
        rows.append((board, values))
    print(f"{'board':<18} {'case':<12} {'requests/s':>11} {'median ms':>10} {'p99 ms':>9}")
    for board, values in rows:
        for scheme in ("http", "https"):
            for name, _, _ in cases:
                key = f"{scheme}_{name.replace(' ', '')}"
                print(f"{board:<18} {scheme + ' ' + name:<12} {values.get(key + '_per_s', 0):>11.1f} "
                      f"{values.get(key + '_median_ms', 0):>10.2f} {values.get(key + '_p99_ms', 0):>9.2f}")
        print(f"{board:<18} {'TLS handshakes/s':<24} {values.get('tls_handshakes_per_s', 0):>11.2f} "
              f"(median {values.get('tls_handshake_median_ms', 0):.0f} ms)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--client":
        client()
    else:
        main()
