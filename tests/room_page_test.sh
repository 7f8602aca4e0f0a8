#!/usr/bin/env bash
# The phone page in a real browser: Debian's chromium driven by puppeteer-core (npm, installed into the build
# tree only for this test, like ajv for the schema test). See tests/room/page_test.js.
#   tests/room_page_test.sh ROOM_HOST [CACHE_DIR [SCREENSHOT_DIR]]
# Exit: 0 passed, 1 failed, 77 skipped (no node/npm, no chromium, or the npm registry cannot be reached).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
host=$1
cache=$(realpath -m "${2:-$root/build/puppeteer}")
shots=$(realpath -m "${3:-$root/build/tests/screenshots/phone}")

skip() {
    echo "SKIP: $*"
    exit 77
}
command -v node >/dev/null && command -v npm >/dev/null || skip "node and npm are not installed (apt-get install nodejs npm)"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || skip "chromium is not installed (apt-get install chromium)"
if [ ! -d "$cache/node_modules/puppeteer-core" ]; then
    echo "installing puppeteer-core@24 into $cache"
    mkdir -p "$cache"
    # puppeteer-core downloads no browser; the test uses Debian's.
    if ! PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
        puppeteer-core@24 >"$cache/npm-install.log" 2>&1; then
        tail -5 "$cache/npm-install.log"
        skip "npm could not install puppeteer-core (is the npm registry reachable?)"
    fi
fi
rm -rf "$shots"
NODE_PATH="$cache/node_modules" timeout 240 node "$root/tests/room/page_test.js" "$host" "$shots"
