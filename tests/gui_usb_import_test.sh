#!/usr/bin/env bash
# gui.usb_import: journey 4 on the real kiosk. A trainer puts in a USB stick with a new pack, opens
# "Pakket van USB-stick toevoegen", sees it checked, adds it, and finds it on home without a restart; a pack
# with an error on the same stick shows its file:line:col and cannot be added. Then "Afsluiten" asks first.
#   tests/gui_usb_import_test.sh KIOSK_BINARY LOG_TOOL
set -euo pipefail
command -v xvfb-run >/dev/null || { echo "SKIP: xvfb-run is not installed (package xvfb)"; exit 77; }
kiosk=$(realpath "$1")
src=$(cd "$(dirname "$0")/.." && pwd)
shots=${SHOTS:-$src/build/tests/screenshots/usb_import}
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
mkdir -p "$shots"
stick=$tmp/media/trainer/STICK
mkdir -p "$stick" "$tmp/state/packs"
cp -r "$src/tests/data/packs/_base" "$stick/mijn-pack"
cp -r "$src/tests/data/packs/_base" "$stick/kapot-pack"
sed -i 's/"mijn-pack"/"kapot-pack"/' "$stick/kapot-pack/pack.json"
printf '{"format": 1,\n "kind": ' >"$stick/kapot-pack/quiz.json" # a half-saved file
for lang in nl en; do
    title="Wat weet je al?"
    [ "$lang" = en ] && title="What do you know?"
    cat >"$tmp/import-$lang.script" <<SCRIPT
click start
expect-screen home
expect-no-text "$title"
key Ctrl+Alt+T
expect-screen trainer
audit-layout
screenshot usb_trainer_$lang.png
click import
expect-screen import
expect import.found 2
audit-layout
screenshot usb_found_$lang.png
click import-mijn-pack
expect import.result ok
audit-layout
screenshot usb_added_$lang.png
click back
expect-screen trainer
click exit
audit-layout
screenshot usb_exit_$lang.png
click exit-cancel
expect-screen trainer
click leave
click start
expect-screen home
expect-text "$title"
SCRIPT
    rm -rf "$tmp/state/packs"/*
    STAGEBOOST_STATE_DIR=$tmp/state LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" \
        --windowed 1366x768 --mode workshop --lang "$lang" --seed 1 --content "$src/content" --config "$tmp/config.json" \
        --media "$tmp/media" --log-dir "$tmp/log" --audit-layout --script "$tmp/import-$lang.script" --shots "$shots"
    [ -f "$tmp/state/packs/mijn-pack/pack.json" ] || { echo "FAIL: the pack is not in the kiosk's pack folder"; exit 1; }
    [ ! -e "$tmp/state/packs/kapot-pack" ] || { echo "FAIL: the broken pack was copied"; exit 1; }
done
echo "PASS: a pack from a stick is checked, added and plays at once; a broken one is refused; Afsluiten asks"
