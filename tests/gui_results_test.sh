#!/usr/bin/env bash
# A workshop as a trainer runs it: six students do the check before and after at the kiosk, then the
# trainer opens the results for the class (before/after per statement) and exports the log to a folder.
# With four students the results stay hidden: too few to be anonymous. With six, the first five form a
# sealed cohort that is shown and exported; the sixth waits for four more.
set -euo pipefail
kiosk=$1
logtool=$2
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
export LIBGL_ALWAYS_SOFTWARE=1
echo 2468 | "$kiosk" --config "$tmp/config.json" --set-pin >/dev/null
run() {  # run SCRIPT: one kiosk session on the shared config and log
    xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --windowed 1366x768 --config "$tmp/config.json" \
        --log-dir "$tmp/log" --content "$src/content" --audit-layout --script "$1" --shots "${SHOTS:-$tmp}" >/dev/null
}
student() {  # student BEFORE AFTER: one student's answers on every statement
    cat > "$tmp/student.script" <<SCRIPT
click start
click continue
click scale-$1
click scale-$1
click scale-$1
click scale-$1
expect-screen home
click done
click scale-$2
click scale-$2
click scale-$2
click scale-$2
click scale-$2
click scale-$2
click scale-$2
click scale-$2
expect-screen end
click bye
SCRIPT
    run "$tmp/student.script"
}
# The trainer's way in: the key chord, then the PIN.
LOGIN='key Ctrl+Alt+T
key 2
key 4
key 6
key 8
key Return'
trainer() {  # trainer SHOWN: open the results and expect SHOWN statements with figures
    cat > "$tmp/trainer.script" <<SCRIPT
$LOGIN
expect-screen trainer
click results
expect-screen results
click period-all
expect results.shown $1
screenshot results_$1.png
SCRIPT
    run "$tmp/trainer.script"
}
for i in 1 2 3 4; do student 2 4; done
trainer 0
echo "ok: four students: results hidden"
student 3 4
student 1 3
trainer 4
echo "ok: six students: before/after shown for all four statements"

cat > "$tmp/export.script" <<SCRIPT
$LOGIN
expect-screen trainer
SCRIPT
# Export: the trainer menu lists the log's own export folder; press it.
folder="$tmp/log/export"
cat >> "$tmp/export.script" <<SCRIPT
click export
click "export-$folder"
expect-text "Geëxporteerd naar"
SCRIPT
run "$tmp/export.script"
exported=$(ls "$folder"/stageboost-kiosk-*.sqlite)
"$logtool" report "$exported" --by none --format json > "$tmp/report.json"
python3 - "$tmp/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
items = r["items"]
assert len(items) == 4, items
for it in items:
    t = it["total"] if it["totalShown"] else it["groups"][0]
    assert t["participants"] == 5, t
    assert abs(t["meanBefore"] - (4 * 2 + 3) / 5) < 1e-9 and abs(t["meanAfter"] - 4) < 1e-9, t
assert r["checksWaiting"] == 0, r  # the released copy holds only the sealed cohort
print("ok: the exported copy reports the sealed cohort of 5 with the right means")
PY
