#!/usr/bin/env bash
# stageboost-pack as a trainer uses it: exit codes, the file:line:col output, --json, --strict, new, graph.
set -u
tool=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # check NAME EXPECTED_RC ACTUAL_RC
    if [ "$2" != "$3" ]; then echo "FAIL: $1: exit $3, expected $2"; fail=1; else echo "ok: $1"; fi
}

"$tool" validate "$data/_base" >/dev/null; check "clean pack exits 0" 0 $?
out=$("$tool" validate "$data/unknown-target"); check "broken pack exits 1" 1 $?
echo "$out" | grep -qE '^.*/rollenspel\.json:[0-9]+:[0-9]+: error: .*\[unknown-target\] \(at /nodes/[0-9]+/choices/[0-9]+/target\)$' \
    && echo "ok: diagnostic format" || { echo "FAIL: diagnostic format: $out"; fail=1; }
"$tool" validate >/dev/null 2>&1; check "no folder is bad usage (2)" 2 $?
"$tool" validate --frobnicate "$data/_base" >/dev/null 2>&1; check "unknown option is bad usage (2)" 2 $?
"$tool" validate "$data/unknown-field" >/dev/null; check "warnings alone pass" 0 $?
"$tool" validate --strict "$data/unknown-field" >/dev/null; check "--strict fails on warnings" 1 $?
"$tool" validate --json "$data/unknown-target" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d and d[0]["code"] == "unknown-target" and d[0]["line"] > 0 and d[0]["pointer"].startswith("/nodes/"), d
' && echo "ok: --json" || { echo "FAIL: --json"; fail=1; }
"$tool" validate --lang nl "$data/unknown-target" | grep -q ': fout: Dit leidt naar' && echo "ok: --lang nl" || { echo "FAIL: --lang nl"; fail=1; }
# A syntax error names the wrong token at its own place, in the chosen language, and the other files are still checked.
"$tool" validate --lang nl "$data/json-syntax" | grep -q 'quiz.json:8:3: fout: JSON-fout: Hier mist een komma voor "feedback"' \
    && echo "ok: syntax error in Dutch at the token" || { echo "FAIL: syntax error in Dutch at the token"; fail=1; }

"$tool" new "$tmp/nieuw" >/dev/null; check "new creates a pack" 0 $?
"$tool" validate --strict "$tmp/nieuw"; check "the scaffold validates clean with --strict" 0 $?
"$tool" new "$tmp/nieuw" >/dev/null 2>&1; check "new refuses to overwrite" 1 $?
# The schemas are built into the tool (no source tree at run time): the new pack gets exactly content/schema/.
src=$(cd "$(dirname "$0")/.." && pwd)
diff -r "$src/content/schema" "$tmp/nieuw/.schema" && echo "ok: new writes the built-in schemas" \
    || { echo "FAIL: the new pack's .schema/ differs from content/schema/"; fail=1; }
"$tool" graph "$tmp/nieuw" rollenspel > "$tmp/map.dot"; check "graph" 0 $?
grep -q 'doubleoctagon' "$tmp/map.dot" && grep -q '"begin" -> "uitleg"' "$tmp/map.dot" && echo "ok: graph content" || { echo "FAIL: graph content"; fail=1; }
if command -v dot >/dev/null; then dot -Tsvg "$tmp/map.dot" -o "$tmp/map.svg" && echo "ok: graphviz renders the map" || { echo "FAIL: dot"; fail=1; }; fi
"$tool" stats "$tmp/nieuw" | grep -q 'Average sentence length' && echo "ok: stats" || { echo "FAIL: stats"; fail=1; }
# Play-through scripts from the story's states: one per role-play, every ending, checked against the files.
mkdir -p "$tmp/gui"
"$tool" playthroughs "$tmp/nieuw" "$tmp/gui" >/dev/null; check "playthroughs writes scripts" 0 $?
grep -q 'expect roleplay.ending einde_fout' "$tmp/gui/playthrough_rollenspel.script" \
    && grep -q 'expect roleplay.ending einde_goed' "$tmp/gui/playthrough_rollenspel.script" \
    && grep -q '^expect var tries ' "$tmp/gui/playthrough_rollenspel.script" \
    && echo "ok: playthroughs reach every ending" || { echo "FAIL: playthroughs content"; fail=1; }
"$tool" playthroughs --check "$tmp/nieuw" "$tmp/gui" >/dev/null; check "playthroughs --check passes when up to date" 0 $?
rm "$tmp/gui/playthrough_rollenspel.script"
"$tool" playthroughs --check "$tmp/nieuw" "$tmp/gui" 2>/dev/null; check "playthroughs --check fails without a script" 1 $?
# The map of a pack with errors: drawn anyway, the broken link in red.
"$tool" graph "$data/unknown-target" rollenspel > "$tmp/broken.dot" 2>/dev/null; check "graph of a broken pack" 0 $?
grep -q 'C62828' "$tmp/broken.dot" && echo "ok: broken link in red" || { echo "FAIL: broken link not marked"; fail=1; }
exit $fail
