#!/bin/sh
# Installs what is missing, builds PayDesk and runs the whole test suite (ctest).
# Usage: sh packaging/test.sh        (as root, or as a user with sudo)
set -eu
cd "$(dirname "$0")/.."

sh packaging/install-deps.sh

BUILD_DIR=${PAYDESK_BUILD_DIR:-build/test}
WERROR=OFF
if [ "${CI:-}" = "true" ]; then WERROR=ON; fi

cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPAYDESK_WERROR="$WERROR"
cmake --build "$BUILD_DIR" -j2
cd "$BUILD_DIR"
exec ctest -j2 --output-on-failure --timeout 900 < /dev/null
