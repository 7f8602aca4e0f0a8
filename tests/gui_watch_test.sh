#!/usr/bin/env bash
# --watch, tried as an author would: an edit shows within a second on the same module and at the same place;
# a save that breaks the file keeps the last good version playing with an author banner naming
# file:line:col; the fix replaces it and keeps the place; a save that removes the student's node says, in the
# banner, that the place could not be kept. Runs at 1366x768 in Dutch and 1920x1080 in English; the
# screenshots (watch_<size>_<lang>_*.png) go to build/tests/screenshots/watch/ when that folder exists.
set -euo pipefail
kiosk=$1
src=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
shots_keep=$(dirname "$kiosk")/../tests/screenshots/watch
mkdir -p "$shots_keep" 2>/dev/null || shots_keep=

wait_for() { for _ in $(seq 300); do [ -f "$1" ] && return 0; sleep 0.05; done; return 1; }

run() { # SIZE LANG
    local size=$1 lang=$2 dir=$tmp/$1-$2
    mkdir -p "$dir"
    cp -r "$src/data/packs/_base" "$dir/pack"
    local title_old title_new line_old line_new kept lost
    if [ "$lang" = nl ]; then
        title_old="Een vraag stellen" title_new="Een nieuwe titel" line_old="Lukt het?" line_new="Gaat het goed?"
        kept="de laatste goede versie speelt nog" lost="kon niet blijven"
    else
        title_old="Asking a question" title_new="A new title" line_old="How's it going?" line_new="All good?"
        kept="the last good version still plays" lost="could not be kept"
    fi
    cat > "$dir/watch.script" <<SCRIPT
click start
click continue
click-until screen home skip
click module-rollenspel
expect-text "$title_old"
expect author.banner none
screenshot ready1.png
sleep 1500
expect-screen roleplay-intro
expect module.id rollenspel
expect-text "$title_new"
click begin
expect-screen roleplay
click next
expect roleplay.node begin
expect-text "$line_old"
screenshot ready2.png
sleep 1500
# Half-saved: the last good version plays on at the same place, and the banner names the stray comma.
expect-screen roleplay
expect roleplay.node begin
expect-text "$line_old"
expect author.where rollenspel.json:10:20
expect-text "rollenspel.json:10:20"
expect-text "$kept"
screenshot watch_${size}_${lang}_broken.png
sleep 1500
# Fixed, with a new line: it shows where the student was, and the banner is gone.
expect author.banner none
expect roleplay.node begin
expect-text "$line_new"
screenshot ready4.png
sleep 1500
# The student's node is renamed: the role-play starts over, and the banner says so.
expect author.place lost
expect roleplay.node start1
expect-text "$lost"
screenshot watch_${size}_${lang}_lost.png
SCRIPT
    local p=$dir/pack/rollenspel.json
    # The edits happen while the script sleeps, each after the kiosk signals (by a screenshot) that it is ready.
    ( wait_for "$dir/ready1.png" && sed -i "s/\"$title_old\"/\"$title_new\"/" "$p"
      wait_for "$dir/ready2.png" && sed -i 's/"start": "begin",/"start": "begin",,/' "$p"
      wait_for "$dir/watch_${size}_${lang}_broken.png" &&
          sed -i -e 's/"start": "begin",,/"start": "begin",/' -e "s/\"$line_old\"/\"$line_new\"/" "$p"
      wait_for "$dir/ready4.png" &&
          sed -i -e 's/"start": "begin"/"start": "start1"/' -e 's/"id": "begin"/"id": "start1"/' "$p" ) &
    LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --windowed "$size" --lang "$lang" \
        --content /nonexistent --pack "$dir/pack" --watch --seed 7 --audit-layout --script "$dir/watch.script" \
        --shots "$dir"
    wait
    [ -z "$shots_keep" ] || cp "$dir"/watch_*.png "$shots_keep/"
}

run 1366x768 nl
run 1920x1080 en
echo "gui.watch: passed"
