#!/usr/bin/env bash
# Runs the set-up (scripts/setup.sh, through sudo when not root; SEL4_CPP_SKIP_SETUP=1 skips it),
# then the whole test suite: host unit tests, then, for every installed seL4 found, the target
# build and the tests that boot it under QEMU, then every Microkit SDK board.
#
# seL4 is found in SEL4_PREFIX if set, otherwise in every /opt/sel4/*/ that holds
# bin/kernel.elf. With none, the boot tests are skipped, and this says so.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
problems=()

# Runs ctest in a build dir and adds its counts to the totals.
run_ctest() {
    local dir=$1 label=$2 output total failures
    output=$(ctest --test-dir "$dir" --output-on-failure -j2 2>&1)
    echo "$output"
    summary=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' <<<"$output" | tail -n 1)
    if [ -z "$summary" ]; then
        problems+=("$label: ctest ran no test")
        failed=$((failed + 1))
        return
    fi
    failures=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$summary")
    total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$summary")
    passed=$((passed + total - failures))
    failed=$((failed + failures))
    [ "$failures" -eq 0 ] || problems+=("$label: $failures failed")
}

step() { echo; echo "==== $*"; }

if [ "${SEL4_CPP_SKIP_SETUP:-0}" = 1 ]; then
    step "set-up: SKIPPED (SEL4_CPP_SKIP_SETUP=1)"
else
    step "set-up (scripts/setup.sh)"
    if ! scripts/setup.sh; then
        problems+=("set-up failed; testing what is installed")
        failed=$((failed + 1))
    fi
fi

step "host: tools and unit tests"
if cmake --preset host >/dev/null && cmake --build --preset host; then
    run_ctest build/host host
else
    problems+=("host: build failed")
    failed=$((failed + 1))
fi

prefixes=()
if [ -n "${SEL4_PREFIX:-}" ]; then
    prefixes=("$SEL4_PREFIX")
else
    for kernel in /opt/sel4/*/bin/kernel.elf; do
        [ -e "$kernel" ] && prefixes+=("${kernel%/bin/kernel.elf}")
    done
fi

if [ ${#prefixes[@]} -eq 0 ]; then
    step "seL4 boot tests: SKIPPED"
    echo "No seL4 found: SEL4_PREFIX is not set and no /opt/sel4/*/bin/kernel.elf exists."
    echo "Build and install seL4 (see README) to run the tests that boot on the real kernel."
fi

for prefix in "${prefixes[@]}"; do
    name=$(basename "$prefix")
    dir=build/sel4/$name
    step "seL4 at $prefix"
    mkdir -p build/sel4
    if SEL4_PREFIX=$prefix cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/toolchains/sel4.cmake" -DSEL4_PREFIX="$prefix" \
        >"$dir.configure.log" 2>&1; then
        grep -E '^-- (seL4|.*no boot test)' "$dir.configure.log"
        if cmake --build "$dir"; then
            run_ctest "$dir" "$name"
        else
            problems+=("$name: build failed")
            failed=$((failed + 1))
        fi
    else
        cat "$dir.configure.log" 2>/dev/null
        problems+=("$name: configuration failed")
        failed=$((failed + 1))
    fi
done

# Microkit: every SDK found (MICROKIT_SDK, or each $MICROKIT_INSTALL_ROOT/*/, default /opt/microkit),
# each QEMU board it has.
sdks=()
if [ -n "${MICROKIT_SDK:-}" ]; then
    sdks=("$MICROKIT_SDK")
else
    for tool in "${MICROKIT_INSTALL_ROOT:-/opt/microkit}"/*/bin/microkit; do
        [ -e "$tool" ] && sdks+=("${tool%/bin/microkit}")
    done
fi
if [ ${#sdks[@]} -eq 0 ]; then
    step "Microkit tests: SKIPPED"
    echo "No Microkit SDK found: MICROKIT_SDK is not set and no /opt/microkit/*/bin/microkit exists."
fi
for sdk in "${sdks[@]}"; do
    for board in qemu_virt_aarch64 qemu_virt_riscv64; do
        config=${MICROKIT_CONFIG:-debug}
        if [ ! -d "$sdk/board/$board/$config" ]; then
            step "Microkit $sdk $board: SKIPPED (the SDK has no $board/$config)"
            continue
        fi
        name=microkit-$(basename "$sdk")-$board
        dir=build/microkit/$name
        step "Microkit SDK $sdk, $board $config"
        mkdir -p build/microkit
        if MICROKIT_SDK=$sdk cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/toolchains/microkit.cmake" -DMICROKIT_SDK="$sdk" \
            -DMICROKIT_BOARD=$board -DMICROKIT_CONFIG=$config >"$dir.configure.log" 2>&1 &&
            cmake --build "$dir"; then
            run_ctest "$dir" "$name"
        else
            cat "$dir.configure.log" 2>/dev/null | tail -20
            problems+=("$name: configuration or build failed")
            failed=$((failed + 1))
        fi
    done
done

step "summary"
for problem in "${problems[@]}"; do echo "  $problem"; done
echo "summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
