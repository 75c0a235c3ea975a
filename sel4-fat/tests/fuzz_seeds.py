#!/usr/bin/env python3
"""Writes fuzz seeds (the first 64 KiB of small FAT16 and FAT32 images holding a few files and a
directory, made with mkfs.fat and mcopy), then runs the fuzzer on them.
Usage: fuzz_seeds.py SEED_DIR FUZZER [FUZZER ARGS...]"""
import os
import subprocess
import sys

seeds, fuzzer = sys.argv[1], sys.argv[2]
os.makedirs(seeds, exist_ok=True)
env = dict(os.environ, MTOOLS_SKIP_CHECK="1")
for kind, size, extra in (("16", 3 << 20, ["-s", "1"]), ("32", 34 << 20, ["-s", "1"])):
    image = os.path.join(seeds, f"fat{kind}.img")
    with open(image, "wb") as f:
        f.truncate(size)
    subprocess.run(["mkfs.fat", "-F", kind, *extra, image], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(seeds, "file.txt"), "wb") as f:
        f.write(b"a file\n" * 200)
    for target in ("::/a file with a long name.txt", "::/short.txt"):
        subprocess.run(["mcopy", "-i", image, os.path.join(seeds, "file.txt"), target], check=True, env=env)
    subprocess.run(["mmd", "-i", image, "::/sub directory"], check=True, env=env)
    subprocess.run(["mcopy", "-i", image, os.path.join(seeds, "file.txt"), "::/sub directory/x.txt"],
                   check=True, env=env)
    os.remove(os.path.join(seeds, "file.txt"))
    with open(image, "rb") as f:
        head = f.read(65536)
    os.remove(image)
    with open(os.path.join(seeds, f"seed-fat{kind}"), "wb") as f:
        f.write(head)
corpus = os.path.join(seeds, "corpus")
os.makedirs(corpus, exist_ok=True)
sys.exit(subprocess.run([fuzzer, *sys.argv[3:], corpus, seeds]).returncode)
