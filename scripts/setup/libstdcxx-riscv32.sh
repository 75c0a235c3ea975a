#!/usr/bin/env bash
# Builds GCC's libstdc++ and libsupc++ for riscv32 seL4 userspace (rv32imafdc, ilp32d) from
# Debian's gcc-12 source package: Debian's riscv64-unknown-elf g++ has the rv32 multilibs of
# libgcc and picolibc, but no C++ library. Built against picolibc's headers and the SDK's
# pthread shims (so std::mutex and call_once work as on the other architectures).
# Skipped when already installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/debian-source.sh"

prefix=${LIBSTDCXX_RISCV32_PREFIX:-/usr/local/libstdcxx-riscv32}
cache=${SEL4_CPP_CACHE:-/var/cache/sel4-cpp}
# libstdc++'s install puts the libraries in the compiler's multilib directory below lib/; the
# toolchain file (and the check below) take them from lib/ itself.
lift_multilib() {
    local multi
    multi=$(riscv64-unknown-elf-gcc -march=rv32imafdc -mabi=ilp32d -print-multi-os-directory)
    if [ "$multi" != . ] && [ -f "$prefix/lib/$multi/libstdc++.a" ]; then
        mv "$prefix/lib/$multi"/* "$prefix/lib/"
        rm -r "${prefix:?}/lib/${multi%%/*}"
    fi
}
lift_multilib 2>/dev/null || true
if [ -f "$prefix/lib/libstdc++.a" ]; then
    echo "setup: libstdc++ for riscv32: already in $prefix"
    exit 0
fi
if ! command -v riscv64-unknown-elf-g++ >/dev/null; then
    echo "setup: SKIPPED libstdc++ for riscv32: no riscv64-unknown-elf-g++"
    exit 0
fi
version=$(riscv64-unknown-elf-gcc -dumpfullversion)
mkdir -p "$cache/gcc-12"
cd "$cache/gcc-12"
if [ ! -d "gcc-$version/libstdc++-v3" ]; then
    enable_deb_src
    [ -f gcc-12_*.orig.tar.gz ] || apt-get source --download-only gcc-12 >/dev/null
    # Only the parts a standalone libstdc++ build reads.
    tar xzf gcc-12_*.orig.tar.gz --wildcards '*/gcc-*-dfsg.tar.xz'
    tar xJf ./*/gcc-*-dfsg.tar.xz --wildcards "gcc-$version/libstdc++-v3/*" \
        "gcc-$version/libiberty/*" "gcc-$version/include/*" "gcc-$version/config/*" \
        "gcc-$version/libgcc/*" "gcc-$version/gcc/BASE-VER" "gcc-$version/gcc/DATESTAMP" \
        "gcc-$version/gcc/DEV-PHASE" "gcc-$version/config.sub" "gcc-$version/config.guess" \
        "gcc-$version/install-sh" "gcc-$version/ltmain.sh" "gcc-$version/config-ml.in" \
        "gcc-$version/mkinstalldirs" "gcc-$version/move-if-change" "gcc-$version/missing" \
        "gcc-$version/compile" "gcc-$version/depcomp" "gcc-$version/multilib.am" \
        "gcc-$version/libtool-ldflags" "gcc-$version/libtool.m4" "gcc-$version/lt*.m4"
fi
src=$cache/gcc-12/gcc-$version

# The compilers, seen by configure as a posix-threads toolchain (the SDK's pthread shims),
# linking with picolibc so that configure's link tests can run.
shims=$(cd "$here/../../cmake/toolchains/shims" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# g++ links -lstdc++, which is what is being built: an empty stand-in for configure's links.
mkdir -p "$work/link-stand-in"
riscv64-unknown-elf-ar rc "$work/link-stand-in/libstdc++.a"
for tool in gcc g++; do
    cat >"$work/rv32-$tool" <<WRAPPER
#!/bin/sh
if [ "\$*" = "-v" ]; then
    riscv64-unknown-elf-$tool -v 2>&1 | sed 's/^Thread model: single/Thread model: posix/' >&2
    exit 0
fi
exec riscv64-unknown-elf-$tool -march=rv32imafdc -mabi=ilp32d --specs=picolibc.specs --oslib=dummyhost -L$work/link-stand-in "\$@"
WRAPPER
    chmod +x "$work/rv32-$tool"
done
flags="-O2 -g -mcmodel=medany -ffunction-sections -fdata-sections -ftls-model=local-exec -isystem $shims -isystem /usr/lib/picolibc/riscv64-unknown-elf/include"
# No gthreads yet: a standalone build finds no gthr-default.h (a GCC build generates it in its
# libgcc directory); giving it the posix one needs pthread_rwlock_* in the shims too.
mkdir -p "$work/build"
cd "$work/build"
echo "setup: building libstdc++ $version for riscv32 into $prefix (several minutes)..."
"$src/libstdc++-v3/configure" --host=riscv64-unknown-elf --build="$(gcc -dumpmachine)" \
    --prefix="$prefix" --disable-shared --disable-multilib --disable-nls \
    --disable-libstdcxx-pch --disable-libstdcxx-verbose --with-newlib --enable-threads=posix \
    --enable-tls --disable-libstdcxx-filesystem-ts --disable-libstdcxx-backtrace \
    CC="$work/rv32-gcc" CXX="$work/rv32-g++" AR=riscv64-unknown-elf-ar \
    RANLIB=riscv64-unknown-elf-ranlib NM=riscv64-unknown-elf-nm \
    CFLAGS="$flags" CXXFLAGS="$flags" >build.log 2>&1 || { tail -n 30 build.log; exit 1; }
make -j"$(nproc)" >>build.log 2>&1 || { tail -n 30 build.log; exit 1; }
make install >>build.log 2>&1 || { tail -n 30 build.log; exit 1; }
lift_multilib
echo "setup: installed libstdc++ for riscv32 in $prefix"
