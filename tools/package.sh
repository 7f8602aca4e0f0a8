#!/usr/bin/env bash
# Builds the Debian package: installs what is missing, builds, and runs CPack in ./build.
#   bash tools/package.sh            ->  build/stageboost_<version>_<arch>.deb
# Then, on the kiosk PC: sudo apt install ./stageboost_<version>_<arch>.deb  (README: "Setting up a kiosk PC").
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh
cd build
cpack -G DEB >/dev/null
deb=$(ls -t stageboost_*.deb | head -1)
echo "build/$deb"
if command -v lintian >/dev/null; then
    lintian --fail-on error,warning "$deb" && echo "lintian: no error, no warning"
fi
