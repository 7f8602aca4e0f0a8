#!/usr/bin/env bash
# Installs, builds and runs every test: unit tests and the headless kiosk tests (under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
cd build
ctest --output-on-failure -j2 --timeout 300
