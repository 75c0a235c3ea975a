#!/bin/sh
# Builds the hostile-driver fuzzer: lwIP's C sources and our glue with clang and libFuzzer.
# usage: build-fuzzer.sh <output> <lwip source dir> <sel4-cpp source dir>
set -e
out=$1 lwip=$2 root=$3
work=$out.objects
mkdir -p "$work"
flags="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -I$root/sel4-lwip/port -I$root/sel4-lwip/include -I$lwip/src/include -I$root/sel4-shared-rings/include"
cd "$work"
clang -w -c $flags "$lwip"/src/core/*.c "$lwip"/src/core/ipv4/*.c "$lwip"/src/netif/ethernet.c
clang++ -std=c++20 -c $flags "$root/sel4-lwip/src/net_interface.cpp" "$root/sel4-lwip/tests/fuzz_hostile_driver.cpp"
clang++ -fsanitize=fuzzer,address,undefined ./*.o -o "$out"
