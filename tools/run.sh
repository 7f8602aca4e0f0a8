#!/usr/bin/env bash
# Installs, builds and starts the kiosk with the bundled content. Extra options go to the kiosk,
# e.g. tools/run.sh --windowed 1280x720
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
exec ./build/kiosk/stageboost "$@"
