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
