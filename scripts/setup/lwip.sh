#!/usr/bin/env bash
# Unpacks lwIP 2.1.3 from Debian's source package outside the repository, for sel4-lwip/ to
# compile with the SDK's toolchain (Debian's binary package is a Linux build). Skipped when present.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/debian-source.sh"

cache=${SEL4_CPP_CACHE:-/var/cache/sel4-cpp}
dest="$cache/lwip"
if [ -f "$dest/src/include/lwip/init.h" ]; then
    echo "setup: lwIP source: already in $dest"
else
    enable_deb_src
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    (cd "$work" && apt-get source lwip >/dev/null)
    src=$(find "$work" -maxdepth 1 -type d -name 'lwip-*' | head -n 1)
    [ -n "$src" ] || { echo "lwip.sh: apt-get source lwip gave no source tree" >&2; exit 1; }
    mkdir -p "$cache"
    rm -rf "$dest"
    cp -a "$src" "$dest"
    echo "lwip: $(basename "$src") unpacked in $dest"
fi
