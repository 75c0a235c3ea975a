#!/usr/bin/env bash
# Builds and installs the seL4 configurations the SDK supports, from the pinned release 16.0.0:
# kernel.elf, libsel4 and the platform description, each into $SEL4_INSTALL_ROOT/<config>.
# The source comes from SEL4_SOURCE (a local checkout, a bare git directory or a source tree) or
# is cloned from the seL4 project's repository and verified by commit id. Configurations already
# installed are skipped. Without a source it says so and returns 0: the rest of the set-up goes on.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/sources.sh"

sel4_tag=16.0.0
sel4_commit=6e7c3b733d296cfd88d5fbf635c96e447a882374

install_root=${SEL4_INSTALL_ROOT:-/opt/sel4}
cache=${SEL4_CPP_CACHE:-/var/cache/sel4-cpp}

debug=(-DKernelDebugBuild=ON -DKernelPrinting=ON -DKernelVerificationBuild=OFF)
x86=(-DKernelPlatform=pc99 -DKernelSel4Arch=x86_64 -DKernelFSGSBase=msr -DKernelSupportPCID=OFF -DKernelFPU=FXSAVE)
arm=(-DKernelPlatform=qemu-arm-virt -DKernelSel4Arch=aarch64 -DARM_CPU=cortex-a57 -DQEMU_MEMORY=2048)
riscv=(-DKernelPlatform=qemu-riscv-virt -DKernelSel4Arch=riscv64 -DQEMU_MEMORY=2048)
# 32-bit: seL4 uses physical memory below 4 GiB only. qemu-arm-virt's RAM starts at 1 GiB,
# qemu-riscv-virt's at 2 GiB; 1 GiB each (seL4's default on ARM) keeps every address 32-bit.
# aarch32: TLS in TPIDRURO, which GCC's code reads (-mtp=cp15) and the kernel sets on request.
arm32=(-DKernelPlatform=qemu-arm-virt -DKernelSel4Arch=aarch32 -DARM_CPU=cortex-a15 -DQEMU_MEMORY=1024 -DKernelArmTLSReg=tpidruro)
riscv32=(-DKernelPlatform=qemu-riscv-virt -DKernelSel4Arch=riscv32 -DQEMU_MEMORY=1024)

# name | cross-compiler prefix | options
configs=(
    "x86_64-pc99||${x86[*]}"
    "x86_64-pc99-mcs||${x86[*]} -DKernelIsMCS=ON"
    "aarch64-qemu-arm-virt|aarch64-linux-gnu-|${arm[*]}"
    "aarch64-qemu-arm-virt-mcs|aarch64-linux-gnu-|${arm[*]} -DKernelIsMCS=ON"
    "aarch64-qemu-arm-virt-hyp|aarch64-linux-gnu-|${arm[*]} -DKernelArmHypervisorSupport=ON"
    "aarch64-qemu-arm-virt-smp|aarch64-linux-gnu-|${arm[*]} -DKernelMaxNumNodes=4"
    "riscv64-qemu-riscv-virt|riscv64-unknown-elf-|${riscv[*]}"
    "riscv64-qemu-riscv-virt-mcs|riscv64-unknown-elf-|${riscv[*]} -DKernelIsMCS=ON"
    "riscv64-qemu-riscv-virt-smp|riscv64-unknown-elf-|${riscv[*]} -DKernelMaxNumNodes=4"
    "aarch32-qemu-arm-virt|arm-linux-gnueabihf-|${arm32[*]}"
    "aarch32-qemu-arm-virt-mcs|arm-linux-gnueabihf-|${arm32[*]} -DKernelIsMCS=ON"
    "aarch32-qemu-arm-virt-smp|arm-linux-gnueabihf-|${arm32[*]} -DKernelMaxNumNodes=4"
    "riscv32-qemu-riscv-virt|riscv64-unknown-elf-|${riscv32[*]}"
    "riscv32-qemu-riscv-virt-mcs|riscv64-unknown-elf-|${riscv32[*]} -DKernelIsMCS=ON"
)
if [ -n "${SEL4_CONFIGS:-}" ]; then # a subset, e.g. SEL4_CONFIGS="aarch64-qemu-arm-virt"
    selected=()
    for entry in "${configs[@]}"; do
        [[ " $SEL4_CONFIGS " == *" ${entry%%|*} "* ]] && selected+=("$entry")
    done
    configs=("${selected[@]}")
fi

missing=()
for entry in "${configs[@]}"; do
    name=${entry%%|*}
    [ -f "$install_root/$name/bin/kernel.elf" ] || missing+=("$entry")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: seL4 $sel4_tag: all ${#configs[@]} configurations already in $install_root"
    exit 0
fi

mkdir -p "$cache"
if ! obtain_source "seL4" SEL4_SOURCE https://github.com/seL4/seL4.git "$sel4_tag" "$sel4_commit" "$cache/seL4-$sel4_tag"; then
    echo "setup: SKIPPED building seL4 (${#missing[@]} configurations): no source. Boot tests will be skipped."
    exit 0
fi
if ! obtain_pyfdt "$cache/pyfdt"; then
    echo "setup: SKIPPED building seL4: pyfdt is needed for its device trees; set PYFDT_SOURCE"
    exit 0
fi

# Debian's python3 sees Debian's python3-* packages; a pyenv one first on PATH would not.
export PATH=/usr/bin:$PATH PYTHONPATH=$cache/pyfdt${PYTHONPATH:+:$PYTHONPATH}
for entry in "${missing[@]}"; do
    IFS='|' read -r name prefix options <<<"$entry"
    build=$cache/build/$name
    echo "setup: building seL4 $sel4_tag $name into $install_root/$name..."
    rm -rf "$build"; mkdir -p "$cache/build"
    # shellcheck disable=SC2086 # options are words
    if cmake -S "$cache/seL4-$sel4_tag" -B "$build" -G Ninja \
        -DCMAKE_TOOLCHAIN_FILE="$cache/seL4-$sel4_tag/gcc.cmake" -DCROSS_COMPILER_PREFIX="$prefix" \
        -DCMAKE_INSTALL_PREFIX="$install_root/$name" "${debug[@]}" $options >"$build.log" 2>&1 &&
        ninja -C "$build" all >>"$build.log" 2>&1 && ninja -C "$build" install >>"$build.log" 2>&1; then
        [ -f "$build/kernel.dtb" ] && install -m 644 "$build/kernel.dtb" "$install_root/$name/support/kernel.dtb"
        echo "setup: installed $install_root/$name"
    else
        tail -n 20 "$build.log"
        echo "setup: FAILED to build seL4 $name (log: $build.log)" >&2
        exit 1
    fi
done
