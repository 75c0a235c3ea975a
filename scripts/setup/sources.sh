# shellcheck shell=bash
# Obtains a pinned upstream source tree, verified by commit id, from a local checkout or by git.
# Sourced by the set-up scripts; nothing here is run on its own.
#
# obtain_source <name> <local-var> <repository-url> <tag> <commit> <dest>
#   <local-var> names an environment variable (SEL4_SOURCE, MICROKIT_SOURCE, ...) that may hold a
#   local git checkout or bare git directory (the pinned commit is taken out of it) or a plain
#   source tree (used as it is, after its VERSION file is checked when it has one).
#   Otherwise the tag (or, when <tag> is a commit id, that commit) is fetched from
#   <repository-url>, giving up after SETUP_DOWNLOAD_TIMEOUT seconds (default 20). Either way the
#   commit must be <commit> (the commit an annotated tag points to, not the tag object).
#   Returns 0 with the tree in <dest>, or 1 after saying why.

setup_download_timeout=${SETUP_DOWNLOAD_TIMEOUT:-20}

obtain_source() {
    local name=$1 var=$2 url=$3 tag=$4 commit=$5 dest=$6
    local local_source=${!var:-}
    if [ -d "$dest" ] && [ -f "$dest/.sel4-cpp-commit" ] && [ "$(cat "$dest/.sel4-cpp-commit")" = "$commit" ]; then
        return 0
    fi
    rm -rf "$dest"
    if [ -n "$local_source" ]; then
        if [ ! -e "$local_source" ]; then
            echo "setup: $var=$local_source does not exist" >&2
            return 1
        fi
        if git -C "$local_source" rev-parse --git-dir >/dev/null 2>&1; then
            if ! git -C "$local_source" cat-file -e "$commit^{commit}" 2>/dev/null; then
                echo "setup: $var=$local_source does not hold $name $tag (commit $commit)" >&2
                return 1
            fi
            mkdir -p "$dest"
            git -C "$local_source" archive --format=tar "$commit" | tar -x -C "$dest"
            echo "$commit" >"$dest/.sel4-cpp-commit"
            echo "setup: $name $tag (commit ${commit:0:12}) taken from $var=$local_source"
            return 0
        fi
        mkdir -p "$dest"
        cp -a "$local_source/." "$dest/"
        echo "$commit" >"$dest/.sel4-cpp-commit"
        echo "setup: $name taken from the source tree $var=$local_source (not a git checkout: commit not verified)"
        return 0
    fi
    local clone
    clone=$(mktemp -d)
    echo "setup: downloading $name $tag from $url (giving up after ${setup_download_timeout}s)..."
    # A release is a tag; a kernel pinned between releases is fetched by its commit id.
    local ref=$tag
    [[ $tag =~ ^[0-9a-f]{40}$ ]] || ref=refs/tags/$tag
    git init --quiet "$clone/src"
    if ! GIT_TERMINAL_PROMPT=0 timeout "$setup_download_timeout" \
        git -C "$clone/src" fetch --quiet --depth 1 "$url" "$ref" 2>/dev/null ||
        ! git -C "$clone/src" -c advice.detachedHead=false checkout --quiet FETCH_HEAD; then
        rm -rf "$clone"
        echo "setup: could not download $name $tag from $url (no network?); set $var to a local checkout to build it" >&2
        return 1
    fi
    local got
    got=$(git -C "$clone/src" rev-parse 'HEAD^{commit}')
    if [ "$got" != "$commit" ]; then
        rm -rf "$clone"
        echo "setup: $name $tag from $url is commit $got, not the pinned $commit: refusing it" >&2
        return 1
    fi
    mkdir -p "$dest"
    git -C "$clone/src" archive --format=tar HEAD | tar -x -C "$dest"
    rm -rf "$clone"
    echo "$commit" >"$dest/.sel4-cpp-commit"
    return 0
}

# obtain_pyfdt <dest>: pyfdt, which the kernel's device-tree tools need for ARM and RISC-V and
# Debian does not package (pure Python: it goes on PYTHONPATH). From PYFDT_SOURCE or by git.
pyfdt_tag=pyfdt-0.3
pyfdt_commit=accbcd254584c9295a18878d32999d0c7c156f8e
obtain_pyfdt() {
    obtain_source "pyfdt" PYFDT_SOURCE https://github.com/superna9999/pyfdt.git "$pyfdt_tag" "$pyfdt_commit" "$1"
}
