#!/usr/bin/env bash
# Unpacks mbedTLS 2.28 from Debian's source package outside the repository, for sel4-mbedtls/ to
# compile with the SDK's toolchain and its own configuration (Debian's binary package is a Linux
# build). Skipped when present.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/debian-source.sh"

cache=${SEL4_CPP_CACHE:-/var/cache/sel4-cpp}
dest="$cache/mbedtls"
if [ -f "$dest/include/mbedtls/ssl.h" ]; then
    echo "setup: mbedTLS source: already in $dest"
else
    enable_deb_src
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    (cd "$work" && apt-get source mbedtls >/dev/null)
    src=$(find "$work" -maxdepth 1 -type d -name 'mbedtls-*' | head -n 1)
    [ -n "$src" ] || { echo "mbedtls.sh: apt-get source mbedtls gave no source tree" >&2; exit 1; }
    grep -q 'MBEDTLS_VERSION_STRING *"2\.28\.' "$src/include/mbedtls/version.h" ||
        { echo "mbedtls.sh: expected mbedTLS 2.28, got $(basename "$src")" >&2; exit 1; }
    mkdir -p "$cache"
    rm -rf "$dest"
    cp -a "$src" "$dest"
    echo "mbedtls: $(basename "$src") unpacked in $dest"
fi
