#!/usr/bin/env bash
# Unpacks mbedTLS 2.28 from Debian's source package outside the repository, for sel4-mbedtls/ to
# compile with the SDK's toolchain and its own configuration (Debian's binary package is a Linux
# build). Skipped when present.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/debian-source.sh"

# The tree, once it is the version sel4-mbedtls/ is configured for.
install_mbedtls() {
    grep -q 'MBEDTLS_VERSION_STRING *"2\.28\.' "$1/include/mbedtls/version.h" ||
        { echo "mbedtls.sh: expected mbedTLS 2.28, got $(basename "$1")" >&2; exit 1; }
    copy_source_tree "$@"
}

dest="${SEL4_CPP_CACHE:-/var/cache/sel4-cpp}/mbedtls"
setup_from_debian_source "mbedTLS source" "$dest" "$dest/include/mbedtls/ssl.h" mbedtls install_mbedtls
