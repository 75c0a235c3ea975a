#!/usr/bin/env python3
"""Host side of the network test: UDP and TCP echo through QEMU's forwards (127.0.0.1 only).

Ports come from SEL4_FORWARD_UDP and SEL4_FORWARD_TCP (sel4-qemu-run picks them). With
--benchmark it also measures UDP round trips per second and TCP echo throughput and prints them.
"""
import os
import socket
import sys
import time


def udp_echo(port, count=20):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(1.0)
        answered = 0
        for i in range(count):
            message = f"datagram {i}".encode()
            for _ in range(10):  # the first ones may meet ARP and a cold stack
                s.sendto(message, ("127.0.0.1", port))
                try:
                    reply, _ = s.recvfrom(2048)
                except socket.timeout:
                    continue
                if reply == message:
                    answered += 1
                    break
        return answered


def tcp_echo(port, size):
    payload = os.urandom(size)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        received = bytearray()
        sent = 0
        s.setblocking(False)
        deadline = time.monotonic() + 60
        while len(received) < size and time.monotonic() < deadline:
            if sent < size:
                try:
                    sent += s.send(payload[sent:sent + 16384])
                except BlockingIOError:
                    pass
            try:
                chunk = s.recv(65536)
                if not chunk:
                    break
                received += chunk
            except BlockingIOError:
                time.sleep(0.001)
        return bytes(received) == payload


def udp_rate(port, seconds):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(1.0)
        n = 0
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            s.sendto(b"x" * 64, ("127.0.0.1", port))
            try:
                s.recvfrom(2048)
                n += 1
            except socket.timeout:
                pass
        return n / seconds


def main():
    udp_port = int(os.environ["SEL4_FORWARD_UDP"])
    tcp_port = int(os.environ["SEL4_FORWARD_TCP"])
    answered = udp_echo(udp_port)
    print(f"udp echo: {answered}/20 datagrams answered", flush=True)
    if answered != 20:
        return 1
    for size in (1000, 100_000):
        ok = tcp_echo(tcp_port, size)
        print(f"tcp echo: {size} bytes {'ok' if ok else 'WRONG'}", flush=True)
        if not ok:
            return 1
    if "--benchmark" in sys.argv:
        print(f"benchmark: udp_round_trips_per_s {udp_rate(udp_port, 3):.0f}", flush=True)
        size = 4 * 1024 * 1024
        start = time.monotonic()
        ok = tcp_echo(tcp_port, size)
        elapsed = time.monotonic() - start
        print(f"benchmark: tcp_echo_bytes_per_s {size / elapsed:.0f} {'ok' if ok else 'WRONG'}",
              flush=True)
    print("net test: all passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
