#!/bin/sh
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default 300).
# Usage: sh packaging/fuzz.sh [SECONDS]
set -eu
cd "$(dirname "$0")/.."
sh packaging/install-deps.sh
command -v clang++-19 >/dev/null || { apt-get install -y clang-19 libclang-rt-19-dev >/dev/null; }
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-19 \
      -DPAYDESK_FUZZ=ON -DPAYDESK_FUZZ_SECONDS="${1:-300}"
cmake --build build/fuzz -j2 --target fuzz_notify fuzz_response fuzz_amount
cd build/fuzz && ctest -L fuzz --output-on-failure
