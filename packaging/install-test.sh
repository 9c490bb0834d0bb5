#!/bin/sh
# Install test: builds the .deb from BUILD_DIR, installs it into a clean Debian 12 root made with
# debootstrap, and checks that the programs run there: paydeskctl --version, paydesk-relay on a
# temporary order log answering its health path, and paydesk --demo (offscreen) for a few seconds.
# Usage: sh packaging/install-test.sh BUILD_DIR     (as root: debootstrap and chroot need it)
set -eu
BUILD_DIR=$(cd "${1:?usage: install-test.sh BUILD_DIR}" && pwd)
WORK=${PAYDESK_INSTALL_TEST_DIR:-$BUILD_DIR/install-test}
ROOT=$WORK/root
CACHE=$WORK/bookworm-minbase.tar
MIRROR=${PAYDESK_DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [ "$(id -u)" -ne 0 ]; then
    echo "install-test: must run as root (debootstrap, chroot)" >&2
    exit 1
fi
command -v debootstrap >/dev/null || { echo "install-test: debootstrap missing (packaging/install-deps.sh installs it)" >&2; exit 1; }

echo "== building the package"
(cd "$BUILD_DIR" && cpack -G DEB >/dev/null)
DEB=$(ls -t "$BUILD_DIR"/paydesk_*.deb | head -n 1)
echo "package: $DEB"
dpkg-deb -f "$DEB" Depends
dpkg-deb -f "$DEB" Recommends | grep -q libqt6sql6-psql || { echo "install-test: the package does not recommend libqt6sql6-psql" >&2; exit 1; }

cleanup() {
    [ -n "${RELAY_PID:-}" ] && kill "$RELAY_PID" 2>/dev/null || true
    umount "$ROOT/proc" 2>/dev/null || true
}
trap cleanup EXIT

echo "== preparing a clean Debian 12 root"
rm -rf "$ROOT"
mkdir -p "$ROOT"
if [ -f "$CACHE" ]; then
    tar -C "$ROOT" -xf "$CACHE"
else
    debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" >"$WORK.debootstrap.log" 2>&1 \
        || { tail -20 "$WORK.debootstrap.log" >&2; exit 1; }
    tar -C "$ROOT" -cf "$CACHE" .
fi
mount -t proc proc "$ROOT/proc" 2>/dev/null || true
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
cp "$DEB" "$ROOT/tmp/paydesk.deb"

echo "== installing the package with apt"
chroot "$ROOT" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /tmp/paydesk.deb' \
    >"$WORK/apt.log" 2>&1 || { tail -30 "$WORK/apt.log" >&2; exit 1; }

echo "== paydeskctl --version"
chroot "$ROOT" paydeskctl --version

echo "== files in place"
for f in /usr/bin/paydesk /usr/bin/paydesk-relay /usr/bin/paydeskctl /usr/bin/paydesk-sim \
         /usr/share/applications/paydesk.desktop /lib/systemd/system/paydesk-relay.service \
         /usr/share/icons/hicolor/256x256/apps/paydesk.png; do
    [ -e "$ROOT$f" ] || { echo "missing: $f" >&2; exit 1; }
done
chroot "$ROOT" getent passwd paydesk >/dev/null || { echo "service user paydesk not created" >&2; exit 1; }

echo "== paydesk-relay on a temporary order log"
PORT=$((20000 + $$ % 20000))
chroot "$ROOT" env PAYDESK_MERCHANT_KEY=install-test-key paydesk-relay --config /tmp/relay.ini \
    --order-log /tmp/orders.sqlite --mch-id 10000701 --listen 127.0.0.1 --port "$PORT" >"$WORK/relay.log" 2>&1 &
RELAY_PID=$!
HEALTH=""
for _ in $(seq 1 50); do
    HEALTH=$(curl -s "http://127.0.0.1:$PORT/health" || true)
    [ -n "$HEALTH" ] && break
    sleep 0.2
done
echo "health: $HEALTH"
echo "$HEALTH" | grep -q '"store":"writable"' || { cat "$WORK/relay.log" >&2; exit 1; }
kill "$RELAY_PID"; RELAY_PID=""

echo "== paydesk --demo, offscreen, for a few seconds"
set +e
chroot "$ROOT" env QT_QPA_PLATFORM=offscreen HOME=/tmp timeout 6 paydesk --demo >"$WORK/gui.log" 2>&1
CODE=$?
set -e
if [ "$CODE" -ne 124 ]; then
    echo "paydesk --demo exited with $CODE before the timeout:" >&2
    cat "$WORK/gui.log" >&2
    exit 1
fi
grep -q "paydesk.relay: listening" "$WORK/gui.log" || { cat "$WORK/gui.log" >&2; exit 1; }
echo "install test: ok"
