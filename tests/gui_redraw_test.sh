#!/usr/bin/env bash
# gui.redraw: partial redraws never leave a stale pixel.
#   tests/gui_redraw_test.sh KIOSK_BINARY [LOG_TOOL]
#
# The kiosk redraws only the rectangles that changed (kiosk/platform/damage.h). With STAGEBOOST_REDRAW_CHECK=1
# it reads back every partially drawn frame, draws the same frame whole and compares the two pixel for pixel;
# a difference is reported ("redraw check: ... stale pixels") and the kiosk exits 1. A script pages through a
# role-play (lines revealed one by one, the conversation scrolling, a choice, its feedback), a lesson (pages,
# Back, keys) and a quiz (hover, select, check, next), at 1920x1080 and at 1366x768:
#   1. the check passes, and enough frames were drawn partially that it checked something;
#   2. with the damage made 8 px too small on each side (STAGEBOOST_DAMAGE_SHRINK=8) it fails: the check sees
#      stale pixels;
#   3. what is on the X screen: tests/gui_skip_test.sh (the X server's picture against the kiosk's full
#      renders after hovers and clicks) fails too with the damage too small (it passes as gui.skip without).
set -euo pipefail
for tool in xvfb-run Xvfb xdotool import convert compare; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (packages xvfb, xdotool, imagemagick)"; exit 77; }
done
kiosk=$(realpath "$1")
src=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$src")
tmp=$(mktemp -d)
trap '[ -n "${KEEP_REDRAW_TEST:-}" ] && echo "files kept in $tmp" || rm -rf "$tmp"' EXIT
export LIBGL_ALWAYS_SOFTWARE=1
fail() { echo "FAIL: $*" >&2; exit 1; }

cat >"$tmp/redraw.script" <<'SCRIPT'
click start
click continue
click-until screen home skip
move module-ken-je-rechten
move module-vage-afwijzing
click module-vage-afwijzing
expect-screen roleplay-intro
click begin
expect-screen roleplay
move restart
move next
click next
click next
click-until roleplay.step decision next
click choice-2
expect roleplay.step feedback
click next
click next
click next
key Escape
click-until screen home back
click module-je-stage-begint
expect-screen lesson
click next
click next
click prev
key Right
key Down
key Down
key PageDown
click close
click-until screen home back
click module-ken-je-rechten
expect-screen quiz
move option-2
move option-3
click option-1
click check
click next
click option-2
click option-1
click check
click next
SCRIPT

run() {  # size, shrink; prints the kiosk's output to $tmp/out, returns its exit code
    local state="$tmp/state-$1-$2"
    rm -rf "$state"
    mkdir -p "$state"
    STAGEBOOST_STATE_DIR="$state" STAGEBOOST_REDRAW_CHECK=1 STAGEBOOST_DAMAGE_SHRINK="$2" \
        xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --config "$state/config.json" --log-dir "$state/log" \
        --windowed "$1" --seed 1 --content "$root/content" --frame-stats --script "$tmp/redraw.script" \
        >"$tmp/out" 2>&1
}

for size in 1920x1080 1366x768; do
    code=0
    run "$size" 0 || code=$?
    read -r checked stale < <(sed -n 's/^redraw-check partial-frames \([0-9]*\) stale-frames \([0-9]*\)$/\1 \2/p' "$tmp/out")
    echo "$size: $(grep -E '^frames-' "$tmp/out" | tr '\n' ' ')"
    [ "$code" -eq 0 ] || fail "$size: the kiosk failed ($code): $(tail -5 "$tmp/out")"
    [ -n "$checked" ] || fail "$size: no redraw-check line: $(tail -5 "$tmp/out")"
    echo "  redraw check: $checked partial frames compared with full ones, $stale with stale pixels"
    [ "$stale" -eq 0 ] || fail "$size: partial redraws left stale pixels: $(grep 'redraw check' "$tmp/out" | head -3)"
    [ "$checked" -ge 20 ] || fail "$size: only $checked frames were drawn partially (partial redraw off?)"

    code=0
    run "$size" 8 || code=$?
    read -r checked_small stale_small < <(sed -n 's/^redraw-check partial-frames \([0-9]*\) stale-frames \([0-9]*\)$/\1 \2/p' "$tmp/out")
    echo "  damage 8 px too small: $stale_small of $checked_small partial frames had stale pixels, exit code $code"
    [ "$code" -ne 0 ] || fail "$size: with the damage too small the check still passed"
    [ "${stale_small:-0}" -ge $((checked_small / 2)) ] || fail "$size: too few stale frames seen with the damage too small"
done

echo "the X screen with the damage 8 px too small (gui_skip_test.sh must fail):"
code=0
STAGEBOOST_DAMAGE_SHRINK=8 "$src/gui_skip_test.sh" "$kiosk" >"$tmp/skip" 2>&1 || code=$?
grep FAIL "$tmp/skip" | sed 's/^/  /' || true
[ "$code" -eq 1 ] || fail "gui_skip_test.sh did not see the stale picture (exit $code): $(tail -3 "$tmp/skip")"
echo "PASS"
