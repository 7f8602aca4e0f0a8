#!/usr/bin/env bash
# A log folder the kiosk cannot write (a USB stick pulled out, a read-only or full disk): the student plays on,
# answers are kept in memory, and the trainer menu says what is wrong in plain words.
set -euo pipefail
kiosk=$1
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
echo 2468 | "$kiosk" --config "$tmp/config.json" --set-pin >/dev/null
touch "$tmp/not-a-folder"
cat > "$tmp/script" <<'SCRIPT'
click start
click continue
expect-screen check
click scale-3
click scale-3
click scale-3
click scale-3
expect-screen home
key Ctrl+Alt+T
key 2
key 4
key 6
key 8
key Return
expect-screen trainer
expect-text "Probleem met de log"
SCRIPT
export LIBGL_ALWAYS_SOFTWARE=1
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --windowed 1366x768 --config "$tmp/config.json" \
    --log-dir "$tmp/not-a-folder/log" --content "$src/content" --audit-layout --script "$tmp/script" --shots "${SHOTS:-$tmp}"
echo "ok: the kiosk played on and the trainer sees the log problem"
