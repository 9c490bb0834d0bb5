#!/bin/sh
# Installs what PayDesk needs to build, test and run on Debian 12 / Ubuntu 22.04+.
# Idempotent: only missing packages are fetched. Run as root or with sudo available.
set -eu

PACKAGES="
build-essential cmake ninja-build pkg-config git
qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
qt6-httpserver-dev qt6-charts-dev qt6-websockets-dev qtkeychain-qt6-dev libqt6opengl6-dev
libqt6sql6-sqlite libqt6sql6-psql postgresql qt6-qpa-plugins qt6-translations-l10n libgl-dev
libqrencode-dev libssl-dev libsqlite3-dev libmicrohttpd-dev rapidjson-dev
xvfb xauth imagemagick zbar-tools poppler-utils curl sqlite3 xdotool
dpkg-dev debootstrap
clang-format clang-tidy-19
fonts-dejavu-core fonts-noto-cjk
"

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -n "$missing" ]; then
    echo "install-deps: installing:$missing"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
else
    echo "install-deps: all build dependencies present"
fi
