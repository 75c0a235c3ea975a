#!/usr/bin/env bash
# Builds and installs the seL4 Microkit SDK 2.0.1 (tool, loader, monitor, libmicrokit and the
# SDK's own MCS kernel) for the QEMU boards, debug configuration, into
# $MICROKIT_INSTALL_ROOT/2.0.1 (default /opt/microkit/2.0.1).
#
# Always built from source, never from the release tarball: the tarball's checksum cannot be
# pinned without downloading it, while the sources are verified by commit id. Microkit comes from
# MICROKIT_SOURCE (a checkout, a bare git directory or a source tree) or is fetched from the
# Microkit repository; its kernel is the seL4 commit the 2.0.1 README names, from SEL4_SOURCE or
# fetched from the seL4 repository.
#
# The tool is built with Debian's Rust (1.63) and Debian's crates (librust-*-dev, used as a cargo
# directory source), so nothing is downloaded for it. 2.0.1 asks for Rust 1.73 and newer crates:
# the versions are relaxed and four small source changes made on the extracted tree (listed in
# patch_tool below); the tool's own tests, which build_sdk.py runs first, pass with them.
#
# Skipped when already installed. Without a source it says so and returns 0: the set-up goes on.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/sources.sh"

microkit_tag=2.0.1
microkit_commit=3f71a5e4effed7551a02fda77151223822060c46 # tag object 1e4c5137748b...
sel4_commit=4b97df4c7e24fd0c297e21cae8d997a08b8952b0      # the kernel 2.0.1 was tested with (README)
boards=(qemu_virt_aarch64 qemu_virt_riscv64)
config=debug

install_root=${MICROKIT_INSTALL_ROOT:-/opt/microkit}
sdk=$install_root/$microkit_tag
cache=${SEL4_CPP_CACHE:-/var/cache/sel4-cpp}

installed() {
    [ -x "$sdk/bin/microkit" ] || return 1
    local board
    for board in "${boards[@]}"; do
        [ -f "$sdk/board/$board/$config/lib/libmicrokit.a" ] || return 1
        [ -f "$sdk/board/$board/$config/elf/sel4.elf" ] || return 1
    done
}
if installed; then
    echo "setup: Microkit SDK $microkit_tag: already in $sdk (${boards[*]}, $config)"
    exit 0
fi

# Says why nothing is built and lets the rest of the set-up go on.
skip() {
    echo "setup: SKIPPED building the Microkit SDK $microkit_tag: $*. Microkit tests will be skipped."
    exit 0
}

# Debian's toolchain, not a rustup one or pyenv's python3 that may come first on PATH: the crates
# and python3-* modules below are Debian's, and these are what a fresh Debian 12 machine has.
export PATH=/usr/bin:$PATH
for tool in cargo rustc; do
    [ -x "/usr/bin/$tool" ] || skip "/usr/bin/$tool is missing (apt-get install cargo rustc)"
done

mkdir -p "$cache"
src=$cache/microkit-$microkit_tag
sel4_src=$cache/seL4-${sel4_commit:0:12}
obtain_source "Microkit" MICROKIT_SOURCE https://github.com/seL4/microkit.git \
    "$microkit_tag" "$microkit_commit" "$src" || skip "no source (set MICROKIT_SOURCE)"
obtain_source "seL4 for Microkit" SEL4_SOURCE https://github.com/seL4/seL4.git \
    "$sel4_commit" "$sel4_commit" "$sel4_src" || skip "no source for its kernel, seL4 $sel4_commit"
obtain_pyfdt "$cache/pyfdt" || skip "its kernel's device trees need pyfdt (set PYFDT_SOURCE)"

# Makes the 2.0.1 tool build with Rust 1.63 and Debian's crates. Each edit must apply exactly
# once, so a different source tree fails here rather than half-patched.
patch_tool() {
    /usr/bin/python3 - "$1" <<'EOF'
import pathlib, sys
tool = pathlib.Path(sys.argv[1])

def edit(name, old, new):
    path = tool / name
    text = path.read_text()
    if text.count(old) != 1:
        sys.exit(f"setup: {path}: expected exactly one {old!r}")
    path.write_text(text.replace(old, new))

# The crate versions Debian 12 packages; rust-version 1.73 would stop cargo 1.65.
edit("Cargo.toml", 'rust-version = "1.73.0"\n', "")
edit("Cargo.toml", 'roxmltree = "0.19.0"', 'roxmltree = "0.16"')
edit("Cargo.toml", 'serde = { version = "1.0.203"', 'serde = { version = "1.0.152"')
edit("Cargo.toml", 'serde_json = "1.0.117"', 'serde_json = "1.0.87"')
(tool / "Cargo.lock").unlink()
# roxmltree 0.16 has position() where 0.19 has range().
path = tool / "src/sdf.rs"
path.write_text(path.read_text().replace(".range().start", ".position()"))
# let-else arrived in Rust 1.65.
edit("src/sdf.rs", "let [ref end_a, ref end_b] = node", "let ends = node")
edit("src/sdf.rs", ".collect::<Result<Vec<_>, _>>()?[..]\n        else {",
     ".collect::<Result<Vec<_>, _>>()?;\n        let (end_a, end_b) = match &ends[..] {\n"
     "            [a, b] => (a, b),\n            _ => {")
edit("src/sdf.rs", '"exactly two end elements must be specified".to_string(),\n            ));\n        };',
     '"exactly two end elements must be specified".to_string(),\n            ));\n            }\n        };')
# serde_json 1.0.87's Value has as_u64() but no as_number().
edit("src/sel4.rs", '.as_number()\n                .expect("Invocation is not a number")\n                .as_u64()', ".as_u64()")
# u64::ilog2 arrived in Rust 1.67.
edit("src/main.rs", "PD_CAP_SIZE.ilog2() as u64", "(63 - PD_CAP_SIZE.leading_zeros()) as u64")
edit("src/main.rs", "use elf::ElfFile;\n",
     "use elf::ElfFile;\n\ntrait ILog2 {\n    fn ilog2(self) -> u32;\n}\nimpl ILog2 for u64 {\n"
     "    fn ilog2(self) -> u32 {\n        63 - self.leading_zeros()\n    }\n}\n")
EOF
    # Debian's crates as the only registry, in the tool's own cargo configuration.
    cat >>"$1/.cargo/config.toml" <<'EOF'

[source.crates-io]
replace-with = "debian"

[source.debian]
directory = "/usr/share/cargo/registry"

[net]
offline = true
EOF
}

# The build works on a fresh copy of the verified source, so an interrupted run starts clean.
work=$cache/build/microkit-$microkit_tag
log=$cache/build/microkit-$microkit_tag.log
rm -rf "$work"
mkdir -p "$cache/build"
cp -a "$src" "$work"
if ! patch_tool "$work/tool/microkit"; then
    echo "setup: FAILED to adapt the Microkit tool to Debian's Rust" >&2
    exit 1
fi

echo "setup: building the Microkit SDK $microkit_tag (${boards[*]}, $config; log: $log)..."
start=$SECONDS
board_list=$(
    IFS=,
    echo "${boards[*]}"
)
# The tool is built for this machine; CARGO_HOME in the cache keeps the build out of the home.
host_triple=$(/usr/bin/rustc -vV | sed -n 's/^host: //p')
export CARGO_HOME=$cache/cargo-home PYTHONPATH=$cache/pyfdt${PYTHONPATH:+:$PYTHONPATH}
if ! (cd "$work" && /usr/bin/python3 build_sdk.py --sel4 "$sel4_src" --boards "$board_list" \
    --configs "$config" --skip-docs --skip-tar --tool-target-triple "$host_triple" \
    --toolchain-prefix-aarch64 aarch64-linux-gnu --toolchain-prefix-riscv64 riscv64-unknown-elf) \
    >"$log" 2>&1; then
    tail -n 30 "$log"
    echo "setup: FAILED to build the Microkit SDK $microkit_tag (log: $log)" >&2
    exit 1
fi

# Installed whole or not at all: a half-copied SDK would pass the check above next time.
rm -rf "$sdk.new"
mkdir -p "$install_root"
cp -a "$work/release/microkit-sdk-$microkit_tag" "$sdk.new"
rm -rf "$sdk"
mv "$sdk.new" "$sdk"
echo "setup: installed the Microkit SDK $microkit_tag in $sdk (built in $((SECONDS - start)) s)"
