#!/bin/sh
# Installs what is missing, builds PayDesk and starts it in demo mode (embedded simulator and
# relay on loopback, throw-away order log, no account, no network).
# Usage: sh packaging/demo.sh        (as root, or as a user with sudo)
set -eu
cd "$(dirname "$0")/.."

sh packaging/install-deps.sh

BUILD_DIR=${PAYDESK_BUILD_DIR:-build/release}
# Only what the demo runs: the counter and paydeskctl (the tests and benchmarks are test.sh's).
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPAYDESK_BUILD_TESTS=OFF -DPAYDESK_BUILD_BENCHMARKS=OFF
cmake --build "$BUILD_DIR" -j2 --target paydesk paydeskctl

if [ -x "$BUILD_DIR/app/paydesk/paydesk" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
    exec "$BUILD_DIR/app/paydesk/paydesk" --demo "$@"
fi
if [ -x "$BUILD_DIR/app/paydesk/paydesk" ]; then
    echo "demo: no display found (DISPLAY/WAYLAND_DISPLAY unset); running the sale in the terminal instead."
fi
exec "$BUILD_DIR/app/paydeskctl/paydeskctl" charge 28.65 --channel WX_NATIVE --demo
