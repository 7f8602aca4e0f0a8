#!/usr/bin/env bash
# Journey 2 with phones: the trainer switches "Telefoons" on in workshop mode, 30 simulated phones (over
# 127.0.0.1) join, do the check before, vote at a role-play decision, answer "zelf meegemaakt", and do the
# check after; the results screen shows the paired change and `stageboost-log report` pairs the 30 sessions.
# Screenshots of the workshop screen at 1920x1080 go to $SHOTS (default build/tests/screenshots/phones).
set -euo pipefail
kiosk=$1
logtool=$2
src=$(cd "$(dirname "$0")/.." && pwd)
shots=${SHOTS:-$src/build/tests/screenshots/phones}
tmp=$(mktemp -d)
mkdir -p "$shots"
command -v python3 >/dev/null || { echo "SKIP: python3 is missing"; exit 77; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$src/tests/room/class_phones.py" "$port" K7QP 30 &
phones=$!
trap 'kill $phones 2>/dev/null || true; rm -rf "$tmp"' EXIT
cat > "$tmp/phones.script" <<SCRIPT
click start
expect-screen home
key Ctrl+Alt+T
expect-screen trainer
click phones-on
expect-screen phones
sleep 4000
expect phones.joined 30
screenshot phones_join.png
click phones-pre
sleep 3000
expect phones.answered 30
screenshot phones_check.png
click phones-close
click phones-continue
expect-screen home
# The options are shuffled per play: the trainer presses them by their text.
click module-meisjesnaam
click begin
click-until roleplay.step decision next
expect roleplay.phones yes
sleep 3000
expect phones.voted 30
click phones-reveal
screenshot phones_vote.png
click "Screenshots maken van de vacature, je afwijzing en Emma’s uitnodiging."
click-until roleplay.step decision next
sleep 2000
expect phones.voted 30
click phones-reveal
screenshot phones_vote2.png
click "Noor mailen, je bpv-docent: ‘Kunnen we praten over een afwijzing?’"
click-until roleplay.step decision next
sleep 1000
click "Samen een melding doen via school, met je screenshots erbij."
click-until roleplay.step decision next
sleep 1000
click "Het afsluiten en met Noor een andere stage zoeken."
click-until screen roleplay-debrief next
screenshot phones_debrief.png
click phones-experienced
sleep 2000
expect phones.experienced shown
screenshot phones_experienced.png
click done
expect-screen home
key Ctrl+Alt+T
expect-screen trainer
screenshot phones_trainer.png
click phones-show
expect-screen phones
click phones-post
sleep 3000
expect phones.answered 30
click phones-close
click phones-results
expect-screen results
click period-all
screenshot phones_results.png
quit
SCRIPT
export LIBGL_ALWAYS_SOFTWARE=1
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --windowed 1920x1080 --mode workshop --config "$tmp/config.json" \
    --log-dir "$tmp/log" --content "$src/content" --phones-port "$port" --room-code K7QP \
    --audit-layout --script "$tmp/phones.script" --shots "$shots"
report=$("$logtool" report "$tmp/log/confidence.sqlite" --format json --by none)
python3 - "$report" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
pairs = [i["total"]["participants"] for i in r["items"]]
print("pairs per statement:", pairs)
sys.exit(0 if pairs and all(p == 30 for p in pairs) else 1)
PY
echo "gui phones test: passed; screenshots in $shots"
