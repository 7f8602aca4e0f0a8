#!/usr/bin/env bash
# Installs every Debian 12 package Stageboost needs to build, run and test.
# Safe to run again: apt-get runs only when something is missing.
# (tools/fuzz/run.sh installs clang-14 and libFuzzer itself; only fuzzing needs them.)
set -euo pipefail

packages=(
    build-essential cmake pkg-config clang-format
    libsdl2-dev libimgui-dev python3-glad libstb-dev nlohmann-json3-dev
    libgtest-dev libgmock-dev libsqlite3-dev libmd4c-dev libsodium-dev libcli11-dev
    fonts-noto-core fonts-dejavu-core fonts-opendyslexic
    xvfb xauth xdotool imagemagick graphviz procps
    libgl1-mesa-dri libegl-mesa0
    # the Debian package and its tests: CPack's dpkg-shlibdeps needs dpkg-dev and file; the kiosk service's smoke
    # test runs cage (which needs xwayland) and grim; systemd-analyze checks the unit
    dpkg-dev file lintian cage xwayland grim systemd
    # phones in the room: the web server and the QR code
    libcpp-httplib-dev libqrencode-dev zbar-tools chromium
)
# zbar-tools decodes the QR code in a test; chromium runs the phone page in a test (with puppeteer-core).
# npm runs ajv for the schema cross-check and installs puppeteer-core for that test; a machine that already has a node with npm keeps it.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "Stageboost setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
