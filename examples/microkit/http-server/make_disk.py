#!/usr/bin/env python3
"""Builds the HTTP server's disk without root: the site's files, a PNG and a file of several MiB
made here, in a FAT16 file system in the first partition (type 0x0e, at LBA 2048) of an MBR disk.
Usage: make_disk.py SITE_DIR OUTPUT_IMAGE [TREE_DIR: keep a copy of what went on the disk]"""
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

site, image = sys.argv[1], sys.argv[2]
disk_size = 32 << 20
first_sector = 2048


def png(width, height):
    """An RGB PNG of a pattern, written with zlib alone."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            ring = ((x - width // 2) ** 2 + (y - height // 2) ** 2) // 97 % 2
            rows += bytes((200 if ring else 29, 16 + x // 2 if ring else 35, 46 + y, ))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


with tempfile.TemporaryDirectory() as staging:
    root = os.path.join(staging, "site")
    shutil.copytree(site, root)
    with open(os.path.join(root, "images", "pattern.png"), "wb") as f:
        f.write(png(256, 128))
    os.makedirs(os.path.join(root, "files"), exist_ok=True)
    with open(os.path.join(root, "files", "random.bin"), "wb") as f:
        f.write(random.Random(4).randbytes(5 << 20))  # the same bytes at every build
    with open(os.path.join(root, "files", "1mib.bin"), "wb") as f:
        f.write(random.Random(1).randbytes(1 << 20))  # for the benchmark

    tmp = image + ".tmp"
    with open(tmp, "wb") as f:
        f.truncate(disk_size)
        mbr = bytearray(512)
        count = disk_size // 512 - first_sector
        mbr[446:462] = struct.pack("<B3sB3sII", 0, b"\xfe\xff\xff", 0x0E, b"\xfe\xff\xff", first_sector, count)
        mbr[510:512] = b"\x55\xaa"
        f.write(mbr)
    env = dict(os.environ, MTOOLS_SKIP_CHECK="1", PATH="/usr/sbin:/sbin:" + os.environ.get("PATH", ""))
    subprocess.run(["mkfs.fat", "-F", "16", "-n", "SEL4SITE", "--offset", str(first_sector), tmp,
                    str(count // 2)], check=True, stdout=subprocess.DEVNULL, env=env)
    target = f"{tmp}@@{first_sector * 512}"
    for name in sorted(os.listdir(root)):
        subprocess.run(["mcopy", "-s", "-i", target, os.path.join(root, name), "::/"], check=True, env=env)
    os.replace(tmp, image)
    if len(sys.argv) > 3:
        shutil.rmtree(sys.argv[3], ignore_errors=True)
        shutil.copytree(root, sys.argv[3])
