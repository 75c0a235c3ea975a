#!/usr/bin/env bash
# Boots a demo under QEMU on this terminal, after installing and building whatever is missing.
#
#   scripts/run.sh [<demo>] [--board <board>] [--gdb] [--no-setup]
#
# Runs the set-up first (scripts/setup.sh, through sudo when not root: apt packages, newlib,
# seL4 into /opt/sel4/<config>, the Microkit SDK into /opt/microkit/<version>), then configures
# and builds only what the demo needs, in build/sel4/<config> or build/microkit/microkit-<version>-<board>
# (the directories scripts/test.sh uses), and boots it. Quit QEMU with Ctrl-A X.
#
#   --board     root-task demos: an installed seL4 configuration (default aarch64-qemu-arm-virt,
#               any /opt/sel4/<config>); Microkit demos: a board (default qemu_virt_aarch64)
#   --gdb       root-task demos: start QEMU halted and attach gdb-multiarch (gdb-<target>)
#   --no-setup  skip the set-up (also: SEL4_CPP_SKIP_SETUP=1)
set -euo pipefail
cd "$(dirname "$0")/.."

# Demos: name | kind (root-task, microkit, or pending) | CMake target booted | what it is.
# Adding a demo is one line here.
demos=(
    "hello|root-task|hello|a C++ root task: standard library, thread-locals, exceptions"
    "microkit-hello|microkit|microkit-hello|two Microkit protection domains in C++: notifications, a shared page, a protected call"
    "http-server|microkit|http-server|HTTP and HTTPS from a FAT disk on 127.0.0.1:8080 and :8443 (HTTP_PORT, HTTPS_PORT): lwIP, mbedTLS, driver PDs"
)

usage() {
    sed -n '2,/^set /p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
    echo "Demos:"
    for entry in "${demos[@]}"; do
        IFS='|' read -r name kind _ what <<<"$entry"
        printf '  %-16s %s\n' "$name" "$what"
    done
}

demo=hello
board=""
gdb=no
setup=yes
[ "${SEL4_CPP_SKIP_SETUP:-0}" = 1 ] && setup=no
while [ $# -gt 0 ]; do
    case $1 in
        --board) board=${2:?--board needs a value}; shift 2 ;;
        --board=*) board=${1#--board=}; shift ;;
        --gdb) gdb=yes; shift ;;
        --no-setup) setup=no; shift ;;
        -h|--help) usage; exit 0 ;;
        -*) echo "run: unknown option $1" >&2; usage >&2; exit 2 ;;
        *) demo=$1; shift ;;
    esac
done

entry=""
for candidate in "${demos[@]}"; do
    [ "${candidate%%|*}" = "$demo" ] && entry=$candidate
done
if [ -z "$entry" ]; then
    echo "run: there is no demo '$demo'." >&2
    usage >&2
    exit 2
fi
IFS='|' read -r name kind target what <<<"$entry"
if [ "$kind" = pending ]; then
    echo "run: the demo '$name' ($what) does not exist yet in this SDK; nothing to boot." >&2
    exit 2
fi

if [ "$setup" = yes ]; then
    echo "run: set-up (scripts/setup.sh; --no-setup skips it)"
    scripts/setup.sh
else
    echo "run: set-up SKIPPED (--no-setup)"
fi

configure() { # dir, cmake arguments...
    local dir=$1
    shift
    if [ -f "$dir/build.ninja" ]; then
        echo "run: $dir is configured (SKIPPED configuring; delete it to start over)"
        return
    fi
    mkdir -p "$(dirname "$dir")"
    echo "run: configuring $dir"
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >"$dir.configure.log" 2>&1 || {
        cat "$dir.configure.log" >&2
        exit 1
    }
}

case $kind in
root-task)
    config=${board:-aarch64-qemu-arm-virt}
    prefix=${SEL4_INSTALL_ROOT:-/opt/sel4}/$config
    if [ ! -f "$prefix/bin/kernel.elf" ]; then
        echo "run: no seL4 in $prefix: the set-up could not build it (see its output above:" >&2
        echo "     it needs network access to the seL4 repository, or SEL4_SOURCE and PYFDT_SOURCE" >&2
        echo "     naming local checkouts). Installed: $(ls "${SEL4_INSTALL_ROOT:-/opt/sel4}" 2>/dev/null | tr '\n' ' ')" >&2
        exit 1
    fi
    dir=build/sel4/$config
    configure "$dir" -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/toolchains/sel4.cmake" -DSEL4_PREFIX="$prefix"
    run_target=simulate-$target
    [ "$gdb" = yes ] && run_target=gdb-$target
    ;;
microkit)
    board=${board:-qemu_virt_aarch64}
    sdk=${MICROKIT_SDK:-}
    if [ -z "$sdk" ]; then
        for tool in "${MICROKIT_INSTALL_ROOT:-/opt/microkit}"/*/bin/microkit; do
            [ -e "$tool" ] && sdk=${tool%/bin/microkit}
        done
    fi
    if [ -z "$sdk" ]; then
        echo "run: no Microkit SDK (MICROKIT_SDK is not set, no /opt/microkit/*/bin/microkit): the set-up" >&2
        echo "     could not build it (it needs MICROKIT_SOURCE naming a local checkout, or network)." >&2
        exit 1
    fi
    if [ ! -d "$sdk/board/$board" ]; then
        echo "run: the Microkit SDK in $sdk has no board $board (it has: $(ls "$sdk/board" | tr '\n' ' '))" >&2
        exit 1
    fi
    [ "$gdb" = yes ] && echo "run: --gdb is for root-task demos; booting without it"
    dir=build/microkit/microkit-$(basename "$sdk")-$board
    configure "$dir" -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/toolchains/microkit.cmake" \
        -DMICROKIT_SDK="$sdk" -DMICROKIT_BOARD="$board" -DMICROKIT_CONFIG="${MICROKIT_CONFIG:-debug}"
    run_target=simulate-$target
    ;;
esac

echo "run: building what $run_target needs in $dir"
cmake --build "$dir" --target "$run_target" -- -n >/dev/null 2>&1 || {
    echo "run: $dir has no target $run_target (see $dir.configure.log for why it has no boot)" >&2
    exit 1
}
echo "run: booting $name ($what); quit QEMU with Ctrl-A X"
exec cmake --build "$dir" --target "$run_target"
