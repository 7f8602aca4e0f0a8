#!/usr/bin/env bash
# --watch: an author's edit shows within a second, on the same module; a broken edit shows diagnostics.
set -euo pipefail
kiosk=$1
src=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$src/data/packs/_base" "$tmp/pack"
cat > "$tmp/watch.script" <<'SCRIPT'
click start
click continue
click-until screen home skip
click module-rollenspel
expect-text "Een vraag stellen"
screenshot ready1.png
sleep 1500
expect-screen roleplay-intro
expect module.id rollenspel
expect-text "Een nieuwe titel"
screenshot ready2.png
sleep 1500
expect-text "Deze module bestaat niet meer"
key Escape
key Ctrl+Alt+T
click diagnostics
expect diagnostics.broken 1
SCRIPT
# The edits happen while the script sleeps, each after the kiosk signals (by a screenshot) that it is ready.
wait_for() { for _ in $(seq 200); do [ -f "$1" ] && return 0; sleep 0.05; done; return 1; }
( wait_for "$tmp/ready1.png" && sed -i 's/"Een vraag stellen"/"Een nieuwe titel"/' "$tmp/pack/rollenspel.json";
  wait_for "$tmp/ready2.png" && sed -i 's/"target": "einde-fout"/"target": "nergens"/' "$tmp/pack/rollenspel.json" ) &
export LIBGL_ALWAYS_SOFTWARE=1
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --windowed 1280x720 --content /nonexistent \
    --pack "$tmp/pack" --watch --script "$tmp/watch.script" --shots "$tmp"
