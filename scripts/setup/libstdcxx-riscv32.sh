#!/usr/bin/env bash
# Builds GCC's libstdc++ and libsupc++ for riscv32 seL4 userspace (rv32imafdc, ilp32d) from
# Debian's gcc-12 source package: Debian's riscv64-unknown-elf g++ has the rv32 multilibs of
# libgcc and picolibc, but no C++ library. Built against picolibc's headers and the SDK's
# pthread shims, in the posix thread model, so that std::thread, std::mutex and the rest work as
# on the other architectures (the runtime implements the shims' calls).
# Skipped when installed by this same recipe (the stamp below); an install from an older recipe,
# or against other shims, is rebuilt.
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
# What the build depends on besides the compiler's version: this recipe's revision (raise it when
# the build changes) and the shims whose types the library's objects embed.
recipe=2
shims=$(cd "$here/../../cmake/toolchains/shims" && pwd)
shims_hash=$(cat "$shims/pthread.h" "$shims/sys/_pthreadtypes.h" "$shims/semaphore.h" | sha256sum | cut -c1-16)
stamp_file=$prefix/share/sel4-cpp-libstdcxx.stamp
if command -v riscv64-unknown-elf-gcc >/dev/null; then
    stamp="gcc $(riscv64-unknown-elf-gcc -dumpfullversion), recipe $recipe, threads posix, shims $shims_hash"
else
    stamp=none
fi
if [ -f "$prefix/lib/libstdc++.a" ] && [ "$(cat "$stamp_file" 2>/dev/null)" = "$stamp" ]; then
    echo "setup: libstdc++ for riscv32: already in $prefix"
    exit 0
fi
if [ -f "$prefix/lib/libstdc++.a" ]; then
    echo "setup: libstdc++ for riscv32 in $prefix is from an older recipe" \
        "($(cat "$stamp_file" 2>/dev/null || echo 'single-threaded')): rebuilding it"
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
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# g++ links -lstdc++, which is what is being built: a stand-in for configure's link tests, which
# also defines the calls the runtime provides on the target (configure only links, never runs).
mkdir -p "$work/link-stand-in"
cat >"$work/link-stand-in/runtime.c" <<'STANDIN'
#define STUB(name) int name(void) { return 0; }
STUB(clock_gettime) STUB(nanosleep) STUB(sched_yield) STUB(get_nprocs)
STUB(pthread_cond_clockwait) STUB(pthread_mutex_clocklock)
STUB(pthread_rwlock_clockrdlock) STUB(pthread_rwlock_clockwrlock)
STUB(sem_init) STUB(sem_timedwait)
STANDIN
riscv64-unknown-elf-gcc -march=rv32imafdc -mabi=ilp32d -fno-builtin -c \
    -o "$work/link-stand-in/runtime.o" "$work/link-stand-in/runtime.c"
riscv64-unknown-elf-ar rc "$work/link-stand-in/libstdc++.a" "$work/link-stand-in/runtime.o"
riscv64-unknown-elf-ar rc "$work/link-stand-in/libpthread.a" # some checks add -lpthread
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
# configure's gthreads check includes libgcc's gthr.h, which includes the gthr-default.h a GCC
# build generates in its libgcc directory: for the posix model, gthr-posix.h.
mkdir -p "$work/libgcc"
cp "$src/libgcc/gthr-posix.h" "$work/libgcc/gthr-default.h"
# No weak references to the pthread calls: the runtime always defines them. picolibc declares
# clock_gettime, nanosleep and CLOCK_MONOTONIC only where the POSIX timers are said to exist
# (the runtime has them; the toolchain file says the same).
flags="-O2 -g -mcmodel=medany -ffunction-sections -fdata-sections -ftls-model=local-exec"
flags+=" -D_GLIBCXX_GTHREAD_USE_WEAK=0 -D_POSIX_TIMERS=200809L -D_POSIX_MONOTONIC_CLOCK=200809L"
flags+=" -isystem $shims -isystem /usr/lib/picolibc/riscv64-unknown-elf/include"
mkdir -p "$work/build"
cd "$work/build"
echo "setup: building libstdc++ $version for riscv32 into $prefix (10-25 minutes)..."
"$src/libstdc++-v3/configure" --host=riscv64-unknown-elf --build="$(gcc -dumpmachine)" \
    --prefix="$prefix" --disable-shared --disable-multilib --disable-nls \
    --disable-libstdcxx-pch --disable-libstdcxx-verbose --with-newlib --enable-threads=posix \
    --enable-libstdcxx-threads --enable-libstdcxx-time=yes --enable-tls \
    --disable-libstdcxx-filesystem-ts --disable-libstdcxx-backtrace \
    CC="$work/rv32-gcc" CXX="$work/rv32-g++" AR=riscv64-unknown-elf-ar \
    RANLIB=riscv64-unknown-elf-ranlib NM=riscv64-unknown-elf-nm \
    CFLAGS="$flags" CXXFLAGS="$flags" >build.log 2>&1 || { tail -n 30 build.log; exit 1; }
for feature in _GLIBCXX_HAS_GTHREADS _GLIBCXX_USE_NANOSLEEP _GLIBCXX_USE_CLOCK_MONOTONIC \
    _GLIBCXX_USE_PTHREAD_COND_CLOCKWAIT _GLIBCXX_USE_PTHREAD_RWLOCK_T; do
    if ! grep -q "^#define $feature 1" config.h; then
        echo "setup: libstdc++ for riscv32: configure did not find $feature (see config.log)" >&2
        cp config.log "$cache/libstdcxx-riscv32-config.log"
        echo "setup: config.log kept in $cache/libstdcxx-riscv32-config.log" >&2
        exit 1
    fi
done
# What a cross configure with newlib cannot link-test but the target has (the runtime, with
# local-exec TLS): thread-local storage (exception globals, call_once), thread_local
# destructors through __cxa_thread_atexit_impl, and picolibc's aligned_alloc.
for feature in HAVE_TLS HAVE___CXA_THREAD_ATEXIT_IMPL HAVE_ALIGNED_ALLOC; do
    sed -i "s|^/\* #undef $feature \*/\$|#define $feature 1|" config.h
    grep -q "^#define $feature 1" config.h || { echo "setup: no $feature in config.h" >&2; exit 1; }
done
make -j2 >>build.log 2>&1 || { tail -n 30 build.log; exit 1; }
# A rebuild replaces what an older build installed.
rm -rf "$prefix/include/c++" "$prefix/lib/libstdc++".* "$prefix/lib/libsupc++".* \
    "$prefix/share/gcc-$version"
make install >>build.log 2>&1 || { tail -n 30 build.log; exit 1; }
lift_multilib
mkdir -p "$(dirname "$stamp_file")"
echo "$stamp" >"$stamp_file"
echo "setup: installed libstdc++ for riscv32 in $prefix"
