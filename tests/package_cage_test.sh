#!/usr/bin/env bash
# package.cage: the installed kiosk as stageboost-kiosk.service runs it: kiosk-session -> cage -> stageboost, as an
# unprivileged user (cage refuses root), on cage's headless backend.
#   tests/package_cage_test.sh BUILD_DIR LOG_TOOL
#  1. installed with DESTDIR into a throwaway root, started from there with a clean environment: grim's screenshot
#     of cage's output is the start screen, and equals what the same kiosk renders itself (nothing else on screen);
#  2. SIGTERM to kiosk-session (what systemctl stop sends with KillMode=mixed) ends the kiosk within a second;
#     kiosk-session exits 0 and cage ends by itself (no wlroots abort);
#  3. an answer given before SIGTERM is in the log afterwards (stageboost-log reads it);
#  4. the exit status systemd sees: 0 after Afsluiten in the trainer menu (no restart), 137 after kill -9 of the
#     kiosk (Restart=on-failure starts it again).
# The user is the package's `stageboost` when it exists, else `nobody` (via setpriv); a non-root run uses itself.
# Exit 77 (skipped) when cage, Xwayland, grim, ImageMagick or xvfb-run is missing (tools/setup.sh installs them).
set -euo pipefail
build=$(realpath "$1")
logtool=$(realpath "$2")
for tool in cage Xwayland grim convert compare xvfb-run setpriv; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (bash tools/setup.sh)"; exit 77; }
done
tmp=$(mktemp -d)
chmod 0755 "$tmp"
session_pid=
cleanup() {
    [ -n "$session_pid" ] && kill -KILL "$session_pid" 2>/dev/null || true
    [ -s "$tmp/rt/stageboost/kiosk.pid" ] && kill -KILL "$(cat "$tmp/rt/stageboost/kiosk.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$tmp/session.log" ] && sed 's/^/  session: /' "$tmp/session.log" >&2; exit 1; }
ok() { echo "ok: $*"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

if [ "$(id -u)" = 0 ]; then
    user=nobody
    getent passwd stageboost >/dev/null && user=stageboost
    as=(setpriv --reuid="$user" --regid="$(id -g "$user")" --clear-groups)
else
    user=$(id -un)
    as=()
fi

root=$tmp/root
DESTDIR=$root cmake --install "$build" --prefix /usr >"$tmp/install.log" 2>&1 || fail "install: $(cat "$tmp/install.log")"
chmod -R a+rX "$root"
mkdir -p "$tmp/rt" "$tmp/state" "$tmp/home" "$tmp/out" "$tmp/etc"
chmod 0700 "$tmp/rt"
chown "$user" "$tmp/rt" "$tmp/state" "$tmp/home" "$tmp/out" "$tmp/etc"
session_env=(env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 XDG_DATA_DIRS="$tmp/nowhere"
    XDG_RUNTIME_DIR="$tmp/rt" RUNTIME_DIRECTORY="$tmp/rt/stageboost" STAGEBOOST_STATE_DIR="$tmp/state"
    WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 SDL_VIDEODRIVER=wayland)

start_session() { # KIOSK_ARGS...: kiosk-session as the service starts it, in the background
    rm -f "$tmp/rt/stageboost/kiosk.pid" "$tmp/rt/stageboost/kiosk.status"
    "${as[@]}" "${session_env[@]}" "$root/usr/libexec/stageboost/kiosk-session" \
        --config "$tmp/etc/config.json" "$@" >"$tmp/session.log" 2>&1 &
    session_pid=$!
    for _ in $(seq 100); do
        [ -s "$tmp/rt/stageboost/kiosk.pid" ] && break
        kill -0 "$session_pid" 2>/dev/null || fail "kiosk-session ended at once"
        sleep 0.1
    done
    [ -s "$tmp/rt/stageboost/kiosk.pid" ] || fail "the kiosk did not start under cage in 10 s"
    kiosk_pid=$(cat "$tmp/rt/stageboost/kiosk.pid")
}
end_session() { # -> session_rc
    set +e
    wait "$session_pid"
    session_rc=$?
    set -e
    session_pid=
    if grep -qiE 'assertion|aborted|core dumped' "$tmp/session.log"; then fail "cage did not end cleanly"; fi
}
# A script's `sleep MS` holds the kiosk's loop for MS: wait in short steps, so a signal is seen between them.
wait_steps() { for _ in $(seq 600); do echo "sleep 100"; done; }
grab() { "${as[@]}" env XDG_RUNTIME_DIR="$tmp/rt" WAYLAND_DISPLAY=wayland-0 grim "$1" 2>/dev/null; }
# Waits until FILE appears (a script's screenshot) or the kiosk is gone.
wait_for() {
    for _ in $(seq 150); do
        [ -s "$1" ] && return 0
        kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended before $(basename "$1")"
        sleep 0.1
    done
    fail "no $(basename "$1") after 15 s"
}
stop_within_a_second() { # what: SIGTERM to kiosk-session, then the kiosk must be gone within 1 s
    local t0 t
    t0=$(now_ms)
    kill -TERM "$session_pid"
    while kill -0 "$kiosk_pid" 2>/dev/null && [ $(($(now_ms) - t0)) -lt 3000 ]; do sleep 0.02; done
    t=$(($(now_ms) - t0))
    kill -0 "$kiosk_pid" 2>/dev/null && fail "$1: the kiosk still runs 3 s after SIGTERM"
    [ "$t" -lt 1000 ] || fail "$1: the kiosk took $t ms to end after SIGTERM"
    end_session
    [ "$session_rc" = 0 ] || fail "$1: kiosk-session exited $session_rc after SIGTERM"
    ok "$1: SIGTERM ended the kiosk in $t ms; kiosk-session exited 0, cage ended by itself"
}

# ---- 1. the start screen under cage, as grim sees it
# On cage 0.1.4's headless backend grim's copy of the output is only right while the client is drawing: when it
# is idle, cage answers the copy with an output buffer it did not redraw (black, or an older frame), or with the
# client's buffer itself, which the headless backend "scans out" and cannot read back. A real screen shows the
# last frame; a kiosk draws a frame and then sleeps, as it should. So the script first takes the kiosk's own
# screenshot (read back from GL under cage) of each of the pack's attract lines, then lets virtual time run so
# that the start screen redraws with the next line about 20 times a second, while grim copies the output again
# and again. The first copy that is not blank must equal one of the kiosk's own screenshots: the start screen over
# the whole output, and nothing else.
lines=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["attract"]))' \
    "$root/usr/share/stageboost/content/stageboost/pack.json")
# One attract line per kAttractLineMs (kiosk/screens/screens.h): a shorter wait skips a line now and then, and
# grim catching that one fails the comparison.
line_ms=$(sed -n 's/.*kAttractLineMs = \([0-9]*\);.*/\1/p' "$(dirname "$0")/../kiosk/screens/screens.h")
[ -n "$line_ms" ] || fail "kAttractLineMs not found in kiosk/screens/screens.h"
{
    echo "expect-screen start"
    for i in $(seq 0 $((lines - 1))); do
        echo "screenshot line$i.png"
        echo "wait $line_ms"
    done
    for _ in $(seq 200); do echo "wait $line_ms"; done
    echo "screenshot done.png"
    wait_steps
} >"$tmp/out/start.script"
# --reduced-motion: no fade between lines, so every frame grim can catch is one of the kiosk's own screenshots.
start_session --script "$tmp/out/start.script" --shots "$tmp/out" --reduced-motion
wait_for "$tmp/out/line$((lines - 1)).png"
shot=$tmp/out/cage_start.png
got=
while [ ! -s "$tmp/out/done.png" ]; do
    if grab "$tmp/out/grab.png" && [ "$(convert "$tmp/out/grab.png" -format '%[fx:standard_deviation>0.02]' info:)" = 1 ]; then
        mv "$tmp/out/grab.png" "$shot"
        got=1
        break
    fi
    kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended"
done
[ -n "$got" ] || fail "grim saw only a blank output while the kiosk redrew its start screen"
mkdir -p "$build/tests/screenshots"
cp "$shot" "$build/tests/screenshots/cage_start.png"
size=$(convert "$shot" -format '%wx%h' info:)
[ "$size" = "$(convert "$tmp/out/line0.png" -format '%wx%h' info:)" ] ||
    fail "the kiosk's window ($(convert "$tmp/out/line0.png" -format '%wx%h' info:)) does not fill cage's output ($size)"
best=
for i in $(seq 0 $((lines - 1))); do
    d=$(compare -metric AE -fuzz 2% "$shot" "$tmp/out/line$i.png" null: 2>&1 || true)
    if [ -z "$best" ] || [ "$d" -lt "$best" ]; then best=$d; fi
done
echo "  cage output $size; pixels that differ from the closest of the kiosk's own frames: $best"
[ "$best" -le $((${size%x*} * ${size#*x} / 1000)) ] || fail "cage's screen is not the kiosk's start screen"
ok "grim shows the kiosk's start screen over the whole output, and nothing else (build/tests/screenshots/cage_start.png)"

# ---- 2. systemctl stop, in a script's wait and in the idle kiosk (asleep in SDL_WaitEventTimeout)
stop_within_a_second "start screen (script)"
start_session
sleep 2
stop_within_a_second "idle kiosk"
[ "$(cat "$tmp/rt/stageboost/kiosk.status")" = 0 ] || fail "the kiosk's own status after SIGTERM was not 0"

# ---- 3. an answer given before SIGTERM is in the log
{
    printf '%s\n' "click start" "click lang-en" "click continue" "expect-screen check" "click scale-4" \
        "screenshot answered.png"
    wait_steps
} >"$tmp/out/answer.script"
start_session --script "$tmp/out/answer.script" --shots "$tmp/out" --seed 1
wait_for "$tmp/out/answered.png"
stop_within_a_second "after one answer"
[ -f "$tmp/state/confidence.sqlite" ] || fail "no log in the state folder ($tmp/state)"
# One student is never released (cohorts of five): read what is stored, as the data steward does (--raw).
"$logtool" export "$tmp/state/confidence.sqlite" --raw --format csv --out "$tmp/answers.csv" 2>/dev/null ||
    fail "stageboost-log cannot read the log after SIGTERM"
python3 - "$tmp/answers.csv" <<'PY' || fail "the answer given before SIGTERM is not in the log"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 1, rows
assert rows[0]["phase"] == "pre" and rows[0]["value"] == "4", rows[0]
PY
ok "the answer given before SIGTERM is in the log, and stageboost-log reads it"

# ---- 4. the status systemd sees
cat >"$tmp/out/exit.script" <<'EOF'
key Ctrl+Alt+T
expect-screen trainer
click exit
click exit-confirm
EOF
start_session --script "$tmp/out/exit.script"
end_session
[ "$session_rc" = 0 ] || fail "after Afsluiten kiosk-session exited $session_rc (systemd would restart it)"
ok "Afsluiten: kiosk-session exits 0, so Restart=on-failure leaves it ended"

start_session
sleep 1
kill -KILL "$kiosk_pid"
end_session
[ "$session_rc" = 137 ] || fail "after kill -9 of the kiosk kiosk-session exited $session_rc, not 137"
grep -q "systemd starts it again" "$tmp/session.log" || fail "kiosk-session did not say why it failed"
ok "kill -9: kiosk-session exits 137, so Restart=on-failure starts the kiosk again"
echo PASS
