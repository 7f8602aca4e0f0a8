#!/usr/bin/env bash
# gui.skip: the frame skipper never leaves a stale picture on screen, and input that changes nothing draws nothing.
#   tests/gui_skip_test.sh KIOSK_BINARY
#
# A script's screenshot always renders its frame, so it cannot show what skipping did. This test looks at what
# is ON SCREEN: the real kiosk runs under its own Xvfb, driven by xdotool, and `import -window root` reads the X
# server's picture. What the picture should be comes from the same kiosk in script mode (same size, options,
# pack and seed), whose screenshots are rendered fresh every time:
#   0. a tap on the start screen shows home;
#   1. home: hovering the quiz's card shows the hover colour; moving away shows the plain card again;
#   2. clicking the card shows the quiz (the whole screen equals the script's);
#   3. quiz: hovering answer 2 shows its hover colour, and moving away takes it off again;
#   4. clicking answer 1 shows it selected;
#   5. 40 pointer moves over empty background draw no frame: the same session with and without them ends with
#      the same frames-drawn (--frame-stats), and frames-skipped grows (the moves did reach the kiosk).
# If the skipper always skipped, 1-4 would see a stale picture; if it never skipped, 5 would count ~120 more frames.
#
# Pointer moves use `xdotool mousemove_relative` (XTest): `xdotool mousemove X Y` warps the pointer, which SDL 2.26
# does not see through SDL_GetGlobalMouseState (ImGui 1.86's SDL backend reads that), so hover would never change.
set -euo pipefail
for tool in Xvfb xdotool import convert compare; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (packages xvfb, xdotool, imagemagick)"; exit 77; }
done
kiosk=$(realpath "$1")
src=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
W=1280
H=720
CORNER_X=2
CORNER_Y=$((H - 3))  # the root window's padding: no widget is ever here

# -displayfd: Xvfb picks a free display itself (no race with tests running beside this one).
# -noreset: otherwise Xvfb resets (pointer back to the centre) whenever its last client leaves.
Xvfb -displayfd 3 -screen 0 "${W}x${H}x24" -nolisten tcp -noreset 3>"$tmp/display" >/dev/null 2>&1 &
xvfb_pid=$!
kiosk_pid=
cleanup() {
    [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null || true
    kill "$xvfb_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    if [ -n "${KEEP_SKIP_TEST:-}" ]; then echo "files kept in $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.05; done
[ -s "$tmp/display" ] || { echo "FAIL: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(cat "$tmp/display")" LIBGL_ALWAYS_SOFTWARE=1 XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"

args=(--windowed "${W}x${H}" --mode workshop --seed 1 --lang nl --content /nonexistent --pack "$src/data/packs/_base")

fail() { echo "FAIL: $*" >&2; exit 1; }

# ---- what the screen should show, from script mode
cat > "$tmp/ref.script" <<'SCRIPT'
expect-screen start
click start
expect-screen home
screenshot home.png
move module-quiz
screenshot card_hover.png
click module-quiz
expect-screen quiz
screenshot quiz.png
move option-2
screenshot opt2_hover.png
move option-1
click option-1
screenshot opt1_selected.png
SCRIPT
"$kiosk" "${args[@]}" --audit-layout --script "$tmp/ref.script" --shots "$tmp/ref" >"$tmp/ref.log" 2>&1 ||
    fail "the reference script failed: $(cat "$tmp/ref.log")"

# ---- helpers
grab() { import -window root "$1"; }
# Puts the pointer at X Y so that SDL sees it: a warp next to it, then a 1 px XTest move.
park() { xdotool mousemove $(($1 - 1)) "$2"; xdotool mousemove_relative -- 1 0; }
settle() { sleep 0.6; }
# The largest region that differs between two pictures: "W H X Y", or nothing.
changed_rect() {
    convert "$1" "$2" -compose difference -composite -colorspace gray -threshold 1% \
        -define connected-components:verbose=true -define connected-components:area-threshold=400 \
        -connected-components 8 null: |
        awk '$NF ~ /255|white/ { split($2, g, /[x+]/); if ($4 > best) { best = $4; r = g[1] " " g[2] " " g[3] " " g[4] } }
             END { if (r != "") print r }'
}
# Pixels that differ (beyond 3%) between two pictures, within geometry WxH+X+Y or the whole picture.
differ() {
    local geo=${3:-}
    if [ -n "$geo" ]; then
        compare -metric AE -fuzz 3% "$1[$geo]" "$2[$geo]" null: 2>&1 || true
    else
        compare -metric AE -fuzz 3% "$1" "$2" null: 2>&1 || true
    fi
}
pixel() { convert "$1" -format "%[pixel:p{$2,$3}]" info:; }
# The picture on screen must equal the reference within the rect, and differ from the one before.
expect_shows() {  # what, on-screen shot, reference, before, rect "w h x y"
    local what=$1 shot=$2 ref=$3 before=$4
    read -r w h x y <<<"$5"
    local geo="${w}x${h}+${x}+${y}" area=$((w * h))
    local off_ref off_before
    off_ref=$(differ "$shot" "$ref" "$geo")
    off_before=$(differ "$shot" "$before" "$geo")
    echo "  $what: ${geo}, centre $(pixel "$before" $((x + w / 2)) $((y + h / 2))) -> $(pixel "$shot" $((x + w / 2)) $((y + h / 2)))" \
         "(reference $(pixel "$ref" $((x + w / 2)) $((y + h / 2)))); differs from reference in $off_ref px, from before in $off_before px"
    [ "$off_ref" -le $((area / 200)) ] || fail "$what: the screen is not what the kiosk rendered (stale picture?)"
    [ "$off_before" -ge $((area / 20)) ] || fail "$what: the screen did not change"
}

session() {  # $1 = number of no-op moves over background at the end; writes "drawn skipped" to $tmp/frames$1
    local noop=$1 out="$tmp/s$1"
    mkdir -p "$out"
    "$kiosk" "${args[@]}" --frame-stats >"$out/stats" 2>"$out/log" &
    kiosk_pid=$!
    sleep 2
    park $((W / 2)) $((H / 2))  # the start screen: a tap anywhere starts
    settle
    grab "$out/start.png"
    xdotool click 1
    settle
    grab "$out/home_centre.png"  # the pointer is where the script's was: the same card hovered, if any
    expect_shows "click on the start screen" "$out/home_centre.png" "$tmp/ref/home.png" "$out/start.png" "$W $H 0 0"
    park $CORNER_X $CORNER_Y
    settle
    grab "$out/home.png"

    # 1. hover the card, then move away
    local card
    card=$(changed_rect "$out/home.png" "$tmp/ref/card_hover.png")
    [ -n "$card" ] || fail "no card changes colour on hover in the reference"
    read -r w h x y <<<"$card"
    park $((x + w / 2)) $((y + h / 2))
    settle
    grab "$out/card_hover.png"
    expect_shows "hover on the card" "$out/card_hover.png" "$tmp/ref/card_hover.png" "$out/home.png" "$card"
    park $CORNER_X $CORNER_Y
    settle
    grab "$out/card_left.png"
    expect_shows "hover off the card" "$out/card_left.png" "$out/home.png" "$out/card_hover.png" "$card"

    # 2. click the card: the quiz shows
    park $((x + w / 2)) $((y + h / 2))
    settle
    xdotool click 1
    settle
    grab "$out/quiz.png"
    expect_shows "click on the card" "$out/quiz.png" "$tmp/ref/quiz.png" "$out/card_hover.png" "$W $H 0 0"

    # 3. hover answer 2, then move away
    park $CORNER_X $CORNER_Y
    settle
    grab "$out/quiz_plain.png"
    local opt
    opt=$(changed_rect "$out/quiz_plain.png" "$tmp/ref/opt2_hover.png")
    [ -n "$opt" ] || fail "answer 2 does not change colour on hover in the reference"
    read -r w h x y <<<"$opt"
    park $((x + w / 2)) $((y + h / 2))
    settle
    grab "$out/opt2_hover.png"
    expect_shows "hover on answer 2" "$out/opt2_hover.png" "$tmp/ref/opt2_hover.png" "$out/quiz_plain.png" "$opt"
    park $CORNER_X $CORNER_Y
    settle
    grab "$out/opt2_left.png"
    expect_shows "hover off answer 2" "$out/opt2_left.png" "$out/quiz_plain.png" "$out/opt2_hover.png" "$opt"

    # 4. click answer 1: it shows selected
    local sel
    sel=$(changed_rect "$out/opt2_left.png" "$tmp/ref/opt1_selected.png")
    [ -n "$sel" ] || fail "selecting answer 1 changes nothing in the reference"
    read -r w h x y <<<"$sel"
    park $((x + w / 2)) $((y + h / 2))
    settle
    grab "$out/opt1_before.png"
    xdotool click 1
    settle
    grab "$out/opt1_selected.png"
    expect_shows "click on answer 1" "$out/opt1_selected.png" "$tmp/ref/opt1_selected.png" "$out/opt2_left.png" "$sel"
    # The whole screen matches too (the Check button, for one, is enabled now).
    [ "$(differ "$out/opt1_selected.png" "$tmp/ref/opt1_selected.png")" -le $((W * H / 500)) ] ||
        fail "after selecting answer 1 the screen differs from the kiosk's rendering"

    # 5. moves over empty background, 45 ms apart
    park $CORNER_X $CORNER_Y
    settle
    if [ "$noop" -gt 0 ]; then
        local moves=()
        for i in $(seq "$noop"); do
            if [ $((i % 2)) -eq 1 ]; then moves+=(mousemove_relative -- 3 -3 sleep 0.045)
            else moves+=(mousemove_relative -- -3 3 sleep 0.045); fi
        done
        xdotool "${moves[@]}"
        settle
        grab "$out/after_moves.png"
        [ "$(differ "$out/after_moves.png" "$out/opt1_selected.png")" -eq 0 ] || fail "moves over background changed the picture"
    fi
    kill -TERM "$kiosk_pid"
    wait "$kiosk_pid" || fail "the kiosk did not exit cleanly on SIGTERM: $(cat "$out/log")"
    kiosk_pid=
    sed -n 's/^frames-drawn \([0-9]*\) frames-skipped \([0-9]*\)$/\1 \2/p' "$out/stats" >"$tmp/frames$noop"
}

echo "session without extra moves:"
session 0
echo "session with 40 moves over background:"
session 40
read -r drawn0 skipped0 <"$tmp/frames0" || true
read -r drawn1 skipped1 <"$tmp/frames40" || true
echo "frames drawn/skipped: $drawn0/$skipped0 without the moves, $drawn1/$skipped1 with them"
[ -n "$drawn0" ] && [ -n "$drawn1" ] || fail "no --frame-stats line"
# A click's press and release may reach one frame or two: allow one frame either way.
[ $((drawn1 - drawn0)) -le 1 ] && [ $((drawn0 - drawn1)) -le 1 ] ||
    fail "moves over empty background drew $((drawn1 - drawn0)) more frames (the skipper should drop them)"
[ $((skipped1 - skipped0)) -ge 40 ] || fail "the moves did not reach the kiosk (only $((skipped1 - skipped0)) more frames built)"
echo "PASS"
