#!/usr/bin/env bash
# gui.imported_packs: a pack imported from a USB stick (a folder in the kiosk's pack folder, --packs-dir, by default
# <state>/packs) shows on the home screen beside the others; a hidden folder (an import a power cut interrupted)
# never does, nor does a folder that is a link.
#   tests/gui_imported_packs_test.sh KIOSK_BINARY LOG_TOOL
set -euo pipefail
command -v xvfb-run >/dev/null || { echo "SKIP: xvfb-run is not installed (package xvfb)"; exit 77; }
kiosk=$(realpath "$1")
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
packs=$tmp/state/packs
mkdir -p "$packs"
cp -r "$src/tests/data/packs/_base" "$packs/mijn-pack"
# Half an import: a hidden folder with a whole pack in it, under another id and title.
cp -r "$src/tests/data/packs/_base" "$packs/.import-ander-pack-1234"
sed -i 's/"mijn-pack"/"ander-pack"/; s/"Wat weet je al?"/"Half gekopieerd"/' "$packs/.import-ander-pack-1234/pack.json" \
    "$packs/.import-ander-pack-1234/quiz.json"
cat >"$tmp/home.script" <<'SCRIPT'
click start
expect-screen home
expect-text "Wat weet je al?"
expect-text "Je eerste stagedag"
expect-no-text "Half gekopieerd"
screenshot imported_home.png
SCRIPT
# The pack folder comes from the state folder, as on a kiosk PC (STATE_DIRECTORY=/var/lib/stageboost there).
STAGEBOOST_STATE_DIR=$tmp/state LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" \
    --windowed 1366x768 --lang nl --mode workshop --seed 1 --content /nonexistent --config "$tmp/config.json" \
    --audit-layout --script "$tmp/home.script" --shots "$tmp/shots"
echo "PASS: the imported pack shows on home; the half-imported hidden one does not"
