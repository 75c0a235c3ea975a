#!/usr/bin/env bash
# Installs everything seL4 C++ needs on Debian 12: compilers, QEMU, libraries, and the C library
# for x86_64 seL4 userspace (Debian ships picolibc for aarch64 and riscv64 only, so newlib is
# built once from Debian's source package), seL4 and the Microkit SDK (built from pinned sources).
# Safe to run again; finished steps are skipped.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    exec sudo --preserve-env=NEWLIB_X86_64_PREFIX,LIBSTDCXX_RISCV32_PREFIX,SEL4_SOURCE,MICROKIT_SOURCE,PYFDT_SOURCE,SEL4_INSTALL_ROOT,MICROKIT_INSTALL_ROOT,SEL4_CPP_CACHE,SEL4_CONFIGS "$0" "$@"
fi

packages=(
    build-essential cmake ninja-build python3 git dpkg-dev
    g++-aarch64-linux-gnu g++-riscv64-linux-gnu gcc-riscv64-unknown-elf
    picolibc-aarch64-linux-gnu picolibc-riscv64-unknown-elf
    # aarch32: the armhf g++ with the bare-metal ARM picolibc
    g++-arm-linux-gnueabihf picolibc-arm-none-eabi
    qemu-system-x86 qemu-system-arm qemu-system-misc opensbi
    libgtest-dev libgmock-dev libyaml-cpp-dev libpugixml-dev
    clang libclang-rt-14-dev clang-format device-tree-compiler
    # seL4's build tools
    python3-ply python3-jinja2 python3-yaml python3-jsonschema python3-typing-extensions
    python3-lxml python3-six python3-future
    # the Microkit tool, built with Debian's Rust and crates (setup/microkit.sh)
    cargo rustc librust-roxmltree-dev librust-serde-dev librust-serde-derive-dev librust-serde-json-dev
    # FAT images for the FAT reader's tests and the HTTP demo's disk
    dosfstools mtools
    # the HTTPS demo's build-time certificate
    openssl curl
    # the HTTP demo's browser test (headless)
    chromium chromium-driver python3-selenium
    # API reference and debugging
    doxygen gdb-multiarch
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
else
    echo "setup: Debian packages: all ${#packages[@]} already installed"
fi

here=$(cd "$(dirname "$0")" && pwd)
"$here/setup/newlib.sh"
"$here/setup/libstdcxx-riscv32.sh"
"$here/setup/mbedtls.sh"
"$here/setup/sel4.sh"
"$here/setup/microkit.sh"
"$here/setup/lwip.sh"
echo "setup: done. Run scripts/test.sh to build and test."
