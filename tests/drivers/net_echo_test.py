#!/usr/bin/env python3
"""Host side of the network test: UDP and TCP echo through QEMU's forwards (127.0.0.1 only).

Ports come from SEL4_FORWARD_UDP and SEL4_FORWARD_TCP (sel4-qemu-run picks them). TCP echoes
come back through the forward. UDP datagrams reach the guest through the forward, but with
restrict=on QEMU's user networking drops every UDP datagram the guest sends (libslirp 4.7), so
the echoes are looked for on the guest's wire, in the capture file SEL4_CAPTURE. With
--benchmark it also measures UDP echo round trips per second (to the echo on the wire) and TCP
echo throughput, and prints them.
"""
import os
import socket
import struct
import sys
import time


class Capture:
    """The guest's frames as QEMU's filter-dump writes them (pcap), read as they come."""

    def __init__(self, path):
        self.path, self.offset, self.seen = path, 24, []

    def poll(self):
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                data = f.read()
        except FileNotFoundError:
            return
        at = 0
        while at + 16 <= len(data):
            length = struct.unpack_from("<I", data, at + 8)[0]
            if at + 16 + length > len(data):
                break
            self.seen.append(data[at + 16:at + 16 + length])
            at += 16 + length
        self.offset += at

    def udp_from_guest(self, port):
        """Payloads of UDP datagrams 10.0.2.15:port sent, in order."""
        out = []
        for frame in self.seen:
            if len(frame) < 42 or frame[12:14] != b"\x08\x00" or frame[23] != 17:
                continue
            ihl = (frame[14] & 15) * 4
            udp = frame[14 + ihl:]
            if frame[26:30] == bytes([10, 0, 2, 15]) and struct.unpack(">H", udp[:2])[0] == port:
                out.append(udp[8:struct.unpack(">H", udp[4:6])[0]])
        return out


def udp_echo(port, capture, count=20):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        answered = 0
        for i in range(count):
            message = f"datagram {i}".encode()
            for _ in range(10):  # the first ones may meet ARP and a cold stack
                s.sendto(message, ("127.0.0.1", port))
                deadline = time.monotonic() + 1.0
                while time.monotonic() < deadline:
                    capture.poll()
                    if message in capture.udp_from_guest(7):
                        break
                    time.sleep(0.005)
                if message in capture.udp_from_guest(7):
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


def udp_rate(port, capture, seconds):
    """Round trips: a datagram out, its echo seen on the guest's wire, the next one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        n = 0
        start = time.monotonic()
        end = start + seconds
        while time.monotonic() < end:
            message = f"rate {n}".encode()
            s.sendto(message, ("127.0.0.1", port))
            before = len(capture.seen)
            deadline = time.monotonic() + 1.0
            while time.monotonic() < deadline:
                capture.poll()
                if any(message in f for f in capture.seen[before:]):
                    n += 1
                    break
        return n / (time.monotonic() - start)


def main():
    udp_port = int(os.environ["SEL4_FORWARD_UDP"])
    tcp_port = int(os.environ["SEL4_FORWARD_TCP"])
    capture = Capture(os.environ["SEL4_CAPTURE"])
    answered = udp_echo(udp_port, capture)
    print(f"udp echo: {answered}/20 datagrams echoed on the guest's wire", flush=True)
    if answered != 20:
        return 1
    for size in (1000, 100_000):
        ok = tcp_echo(tcp_port, size)
        print(f"tcp echo: {size} bytes {'ok' if ok else 'WRONG'}", flush=True)
        if not ok:
            return 1
    if "--benchmark" in sys.argv:
        print(f"benchmark: udp_round_trips_per_s {udp_rate(udp_port, capture, 3):.0f}", flush=True)
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
