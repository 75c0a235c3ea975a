#!/usr/bin/env python3
"""Makes FAT test images with mkfs.fat and mcopy (no root needed): a source tree, an
MBR-partitioned FAT16 image and a FAT32 image without partition table, both holding the tree,
with files fragmented on purpose. Usage: make_images.py OUTPUT_DIR"""
import os
import random
import shutil
import struct
import subprocess
import sys

out = sys.argv[1]
tree = os.path.join(out, "tree")
shutil.rmtree(out, ignore_errors=True)
os.makedirs(tree)
rng = random.Random(13)
env = dict(os.environ, MTOOLS_SKIP_CHECK="1", LC_ALL="C.UTF-8")


def write(path, data):
    full = os.path.join(tree, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(data)


def noise(n):
    return bytes(rng.getrandbits(8) for _ in range(n)) if n < 4096 else rng.randbytes(n)


write("hello.txt", b"hello, FAT\n")
write("README", b"no extension\n")
write("readme.md", b"lower-case short name\n")
write("empty", b"")
write("A long file name, with spaces and more than thirteen characters.txt", b"long\n")
write("\u00dcn\u00efc\u00f6de-n\u00e4me.txt", "Unicode name\n".encode())
write("big.bin", noise(1536 * 1024 + 123))
write("dir/sub dir/deeper/nested file.bin", noise(5000))
write("dir/index.html", b"<h1>index</h1>\n")
for i in range(300):  # a directory over several clusters
    write(f"many/file number {i:03}.txt", f"file {i}\n".encode())


def mtools(*args, image):
    subprocess.run([args[0], "-i", image, *args[1:]], check=True, env=env,
                   stdout=subprocess.DEVNULL)


# Fragmented files: a hole left by a deleted file is filled by the start of the next one.
frag = {name: noise(n) for name, n in (("frag-a", 9000), ("frag-b", 9000), ("frag-c", 9000),
                                        ("frag-d", 100000))}
for name in ("frag-c", "frag-d"):
    write(name, frag[name])


def forget_next_free(image):
    """FAT32 keeps a next-free hint (FSInfo) that mtools follows: clear it so holes are reused."""
    if image.endswith("fat32.img"):
        with open(image, "r+b") as f:
            f.seek(512 + 492)
            f.write(b"\xff\xff\xff\xff")


def fill(image):
    for name in sorted(os.listdir(tree)):
        if name != "big.bin" and not name.startswith("frag-"):
            mtools("mcopy", "-s", os.path.join(tree, name), "::/", image=image)
    scratch = os.path.join(out, "scratch")
    for name in ("frag-a", "frag-b", "frag-c"):
        with open(scratch, "wb") as f:
            f.write(frag[name])
        mtools("mcopy", scratch, "::/" + name, image=image)
    mtools("mdel", "::/frag-b", image=image)
    forget_next_free(image)
    mtools("mcopy", os.path.join(tree, "big.bin"), "::/", image=image)
    mtools("mdel", "::/frag-a", image=image)
    forget_next_free(image)
    mtools("mcopy", os.path.join(tree, "frag-d"), "::/", image=image)
    os.remove(scratch)


# FAT16 in the first partition of an MBR disk, as the demo's disk is made.
fat16 = os.path.join(out, "fat16-mbr.img")
size = 40 << 20
with open(fat16, "wb") as f:
    f.truncate(size)
    mbr = bytearray(512)
    start, count = 2048, size // 512 - 2048
    mbr[446:462] = struct.pack("<B3sB3sII", 0, b"\0\0\0", 0x0E, b"\0\0\0", start, count)
    mbr[510:512] = b"\x55\xaa"
    f.write(mbr)
subprocess.run(["mkfs.fat", "-F", "16", "--offset", "2048", fat16, str(count // 2)],
               check=True, stdout=subprocess.DEVNULL)
fill(fat16 + "@@1M")

# FAT32 filling the whole device, one sector per cluster so chains are long.
fat32 = os.path.join(out, "fat32.img")
with open(fat32, "wb") as f:
    f.truncate(48 << 20)
subprocess.run(["mkfs.fat", "-F", "32", "-s", "1", fat32], check=True, stdout=subprocess.DEVNULL)
fill(fat32)

for image in (fat16 + "@@1M", fat32):
    shown = subprocess.run(["mshowfat", "-i", image, "::/frag-d"], check=True, env=env,
                           capture_output=True, text=True).stdout
    assert shown.count("<") > 1, f"frag-d is not fragmented in {image}: {shown}"
