#!/usr/bin/env bash
# Unpacks lwIP 2.1.3 from Debian's source package outside the repository, for sel4-lwip/ to
# compile with the SDK's toolchain (Debian's binary package is a Linux build). Skipped when present.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/debian-source.sh"

dest="${SEL4_CPP_CACHE:-/var/cache/sel4-cpp}/lwip"
setup_from_debian_source "lwIP source" "$dest" "$dest/src/include/lwip/init.h" lwip copy_source_tree
