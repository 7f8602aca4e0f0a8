#!/usr/bin/env bash
# Trainer mode: the gesture (hold the top-left corner 3 s) or Ctrl+Alt+T, then the PIN. The PIN is stored
# only as a salted hash; 5 wrong PINs bring a growing wait; the right PIN opens the trainer menu.
set -euo pipefail
kiosk=$1
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
echo 2468 | "$kiosk" --config "$tmp/config.json" --set-pin
grep -q '"pinHash": "\$argon2id\$' "$tmp/config.json" || { echo "FAIL: no Argon2id hash stored"; exit 1; }
if grep -q 2468 "$tmp/config.json"; then echo "FAIL: the PIN itself is in the config"; exit 1; fi
if echo 12 | "$kiosk" --config "$tmp/config.json" --set-pin 2>/dev/null; then echo "FAIL: a 2-digit PIN was accepted"; exit 1; fi

cat > "$tmp/pin.script" <<'SCRIPT'
click start
# A short touch in the corner does nothing.
hold 10 10 1000
expect-screen welcome
# Holding it for more than 3 s opens the PIN screen.
hold 10 10 3500
expect-screen trainer-pin
screenshot pin.png
# Four wrong PINs: no wait yet.
key 1
key 1
key 1
key 1
key Return
expect pin.wrong 1
key 1
key 1
key 1
key 1
key Return
key 1
key 1
key 1
key 1
key Return
click pin-1
click pin-2
click pin-3
click pin-4
click pin-ok
expect pin.wrong 4
expect pin.locked no
# The fifth: a 30 s wait, and the keypad stops working.
key 9
key 9
key 9
key 9
key Return
expect pin.locked 30
expect-text "Wacht 30 seconden"
screenshot pin_locked.png
key 2
key 4
key 6
key 8
key Return
expect-screen trainer-pin
wait 30500
expect pin.locked no
key 2
key 4
key 6
key 8
key Return
expect-screen trainer
screenshot trainer.png
click mode-workshop
# Hide the whole Stageboost pack, then show it again with one module hidden.
click show-pack-stageboost
expect-no-text "Je stage begint"
click show-pack-stageboost
click show-stagegeluk
click leave
expect-screen start
click start
expect-screen home
# A workshop for students: the 14 student modules, one of them hidden; the trainer's guide never shows here.
expect home.cards 13
expect-no-text "Stagegeluk"
expect-no-text "Voor trainers: de workshop geven"
key Escape
# The keyboard chord works too, from any screen.
key Ctrl+Alt+T
expect-screen trainer-pin
SCRIPT
export LIBGL_ALWAYS_SOFTWARE=1
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --windowed 1366x768 --config "$tmp/config.json" --log-dir "$tmp/log" \
    --content "$src/content" --audit-layout --script "$tmp/pin.script" --shots "${SHOTS:-$tmp}"
grep -q '"mode": "workshop"' "$tmp/config.json" || { echo "FAIL: the trainer's mode switch was not saved"; exit 1; }
grep -q '"stageboost/stagegeluk"' "$tmp/config.json" || { echo "FAIL: the hidden module was not saved"; exit 1; }
echo "ok: PIN hashed, lockout after 5 wrong tries, trainer menu, settings saved"
