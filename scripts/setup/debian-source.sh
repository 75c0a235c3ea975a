# apt-get source needs a deb-src entry: enable_deb_src derives one from the machine's own Debian
# sources, once. Sourced by the set-up scripts.
enable_deb_src() {
    if ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
        if [ -f /etc/apt/sources.list.d/debian.sources ]; then
            sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
                >/etc/apt/sources.list.d/sel4-cpp-deb-src.sources
        else
            sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >/etc/apt/sources.list.d/sel4-cpp-deb-src.list
        fi
        apt-get update
    fi
}

# Sets up <what> in <where> from Debian's source package <package> unless <marker> exists (then
# it says so): unpacks the package in a temporary directory, removed on exit, and runs
# <install> <source tree> <where>.
setup_from_debian_source() {
    local what=$1 where=$2 marker=$3 package=$4 install=$5 work src
    if [ -e "$marker" ]; then
        echo "setup: $what: already in $where"
        return
    fi
    enable_deb_src
    work=$(mktemp -d)
    trap "rm -rf '$work'" EXIT
    (cd "$work" && apt-get source "$package" >/dev/null)
    src=$(find "$work" -maxdepth 1 -type d -name "$package-*" | head -n 1)
    [ -n "$src" ] || { echo "$(basename "$0"): apt-get source $package gave no source tree" >&2; exit 1; }
    "$install" "$src" "$where"
}

# An <install> for sources the SDK compiles with its own toolchain (Debian's binary packages are
# Linux builds): the tree, copied to <where>.
copy_source_tree() {
    local src=$1 dest=$2
    mkdir -p "$(dirname "$dest")"
    rm -rf "$dest"
    cp -a "$src" "$dest"
    echo "$(basename "$dest"): $(basename "$src") unpacked in $dest"
}
