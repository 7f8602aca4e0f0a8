#!/usr/bin/env bash
# The walk-up journey, then the log as a trainer reads it: 12 answers (4 before, 4 after, 4 looking back),
# one anonymous session, the date and part of day only.
set -euo pipefail
kiosk=$1
logtool=$2
src=$(cd "$(dirname "$0")/.." && pwd)
shots=$(mktemp -d)
trap 'rm -rf "$shots"' EXIT
cd "$src"
"$src/tools/run_gui_test.sh" "$kiosk" "$src/tests/gui/walkup_flow.script" "$shots"
db="$shots/state-walkup_flow/log/confidence.sqlite"
[ -f "$db" ] || { echo "FAIL: no log at $db"; exit 1; }
# What the log stores, as the data steward sees it (--raw): a safe export would hold nothing of one student.
"$logtool" export "$db" --raw --format csv --out "$shots/answers.csv" 2>/dev/null
python3 - "$shots/answers.csv" <<'PY'
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 12, f"expected 12 answers, got {len(rows)}"
phases = sorted(r["phase"] for r in rows)
assert phases.count("pre") == 4 and phases.count("post") == 4 and phases.count("retro") == 4, phases
assert len({r["session_id"] for r in rows}) == 1, "one student, one session id"
assert re.fullmatch(r"[0-9a-f]{32}", rows[0]["session_id"]), rows[0]["session_id"]
assert any(r["value"] == "" for r in rows if r["phase"] == "pre"), "'weet ik niet' is stored as no value"
for r in rows:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]), r["date"]
    assert not any(":" in v for v in r.values()), f"no clock time may be stored: {r}"
print("ok: 12 anonymous answers, paired by one random session id")
PY
