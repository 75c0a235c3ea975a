#!/usr/bin/env bash
# Installs everything seL4 C++ needs on Debian 12: compilers, QEMU, libraries, and the C library
# for x86_64 seL4 userspace (Debian ships picolibc for aarch64 and riscv64 only, so newlib is
# built once from Debian's source package). Safe to run again; finished steps are skipped.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    exec sudo --preserve-env=NEWLIB_X86_64_PREFIX "$0" "$@"
fi

packages=(
    build-essential cmake ninja-build python3 git dpkg-dev
    g++-aarch64-linux-gnu g++-riscv64-linux-gnu gcc-riscv64-unknown-elf
    picolibc-aarch64-linux-gnu picolibc-riscv64-unknown-elf
    qemu-system-x86 qemu-system-arm qemu-system-misc opensbi
    libgtest-dev libgmock-dev libyaml-cpp-dev libpugixml-dev
    clang libclang-rt-14-dev clang-format device-tree-compiler
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
fi

# newlib for x86_64-elf, from Debian's source package.
newlib_prefix=${NEWLIB_X86_64_PREFIX:-/usr/local/newlib-x86_64}
if [ ! -f "$newlib_prefix/x86_64-elf/lib/libc.a" ]; then
    # apt-get source needs a deb-src entry: derive it from the machine's own Debian sources.
    if ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        if [ -f /etc/apt/sources.list.d/debian.sources ]; then
            sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
                >/etc/apt/sources.list.d/sel4-cpp-deb-src.sources
        else
            sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >/etc/apt/sources.list.d/sel4-cpp-deb-src.list
        fi
        apt-get update
    fi
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    (cd "$work" && apt-get source newlib >/dev/null)
    src=$(find "$work" -maxdepth 1 -type d -name 'newlib-*' | head -n 1)
    mkdir -p "$work/build"
    cd "$work/build"
    echo "Building newlib for x86_64 seL4 userspace into $newlib_prefix (about 3 minutes)..."
    "$src/configure" --target=x86_64-elf --prefix="$newlib_prefix" --disable-multilib \
        --disable-newlib-supplied-syscalls --enable-newlib-reent-small --disable-nls \
        --enable-newlib-nano-malloc --enable-newlib-io-long-long --enable-newlib-io-c99-formats \
        CC_FOR_TARGET="gcc -fno-pie -fno-stack-protector" AR_FOR_TARGET=ar \
        RANLIB_FOR_TARGET=ranlib AS_FOR_TARGET=as LD_FOR_TARGET=ld NM_FOR_TARGET=nm \
        CFLAGS_FOR_TARGET="-O2 -g -fno-pie -ffunction-sections -fdata-sections" >build.log 2>&1 ||
        { tail -n 30 build.log; exit 1; }
    make -j"$(nproc)" all-target-newlib >>build.log 2>&1 || { tail -n 30 build.log; exit 1; }
    make install-target-newlib >>build.log 2>&1 || { tail -n 30 build.log; exit 1; }
fi

echo "setup: done. Run scripts/test.sh to build and test."
