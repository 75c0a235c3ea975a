#!/usr/bin/env bash
# Builds newlib for x86_64 seL4 userspace from Debian's source package (Debian ships picolibc for
# aarch64 and riscv64 only). Skipped when already installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/debian-source.sh"

# Configures, builds and installs newlib for x86_64-elf from Debian's source tree $1 into $2.
install_newlib() {
    local src=$1 prefix=$2
    mkdir -p "$src/../build"
    cd "$src/../build"
    echo "Building newlib for x86_64 seL4 userspace into $prefix (about 3 minutes)..."
    "$src/configure" --target=x86_64-elf --prefix="$prefix" --disable-multilib \
        --disable-newlib-supplied-syscalls --enable-newlib-reent-small --disable-nls \
        --enable-newlib-nano-malloc --enable-newlib-io-long-long --enable-newlib-io-c99-formats \
        CC_FOR_TARGET="gcc -fno-pie -fno-stack-protector" AR_FOR_TARGET=ar \
        RANLIB_FOR_TARGET=ranlib AS_FOR_TARGET=as LD_FOR_TARGET=ld NM_FOR_TARGET=nm \
        CFLAGS_FOR_TARGET="-O2 -g -fno-pie -ffunction-sections -fdata-sections" >build.log 2>&1 ||
        { tail -n 30 build.log; exit 1; }
    make -j"$(nproc)" all-target-newlib >>build.log 2>&1 || { tail -n 30 build.log; exit 1; }
    make install-target-newlib >>build.log 2>&1 || { tail -n 30 build.log; exit 1; }
}

newlib_prefix=${NEWLIB_X86_64_PREFIX:-/usr/local/newlib-x86_64}
setup_from_debian_source "newlib for x86_64" "$newlib_prefix" "$newlib_prefix/x86_64-elf/lib/libc.a" \
    newlib install_newlib
