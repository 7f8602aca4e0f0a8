#!/usr/bin/env bash
# gui.signals: a fullscreen (locked) kiosk ignores a window close and Alt+F4, but SIGTERM and SIGINT end it within a
# second, exit 0, with the answer given before the signal in the log.
#   tests/gui_signals_test.sh KIOSK_BINARY LOG_TOOL
# The close is what a window manager sends for Alt+F4: a WM_DELETE_WINDOW message (sent here with Xlib, as no
# window manager runs under Xvfb). A windowed kiosk (not locked) must close on it, which shows the message arrives.
set -euo pipefail
for tool in Xvfb xdotool python3; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (packages xvfb, xdotool)"; exit 77; }
done
kiosk=$(realpath "$1")
logtool=$(realpath "$2")
tmp=$(mktemp -d)
W=1280
H=720
Xvfb -displayfd 3 -screen 0 "${W}x${H}x24" -nolisten tcp -noreset 3>"$tmp/display" >/dev/null 2>&1 &
xvfb_pid=$!
kiosk_pid=
cleanup() {
    [ -n "$kiosk_pid" ] && kill -KILL "$kiosk_pid" 2>/dev/null || true
    kill "$xvfb_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.05; done
[ -s "$tmp/display" ] || { echo "FAIL: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(cat "$tmp/display")" LIBGL_ALWAYS_SOFTWARE=1 XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
fail() { echo "FAIL: $*" >&2; [ -f "$tmp/kiosk.log" ] && sed 's/^/  kiosk: /' "$tmp/kiosk.log" >&2; exit 1; }
ok() { echo "ok: $*"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

close_window() { # sends WM_DELETE_WINDOW to the kiosk's window, as a window manager does for Alt+F4
    local win
    win=$(xdotool search --pid "$kiosk_pid" --name Stageboost | head -1)
    [ -n "$win" ] || fail "no kiosk window"
    python3 - "$win" <<'PY'
import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
class ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]
class XEvent(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.POINTER(XEvent)]
x.XFlush.argtypes = [ctypes.c_void_p]
x.XCloseDisplay.argtypes = [ctypes.c_void_p]
dpy = x.XOpenDisplay(None)
win = int(sys.argv[1])
ev = XEvent()
ev.xclient.type = 33  # ClientMessage
ev.xclient.window = win
ev.xclient.message_type = x.XInternAtom(dpy, b"WM_PROTOCOLS", 0)
ev.xclient.format = 32
ev.xclient.data[0] = x.XInternAtom(dpy, b"WM_DELETE_WINDOW", 0)
x.XSendEvent(dpy, win, 0, 0, ctypes.byref(ev))
x.XFlush(dpy)
x.XCloseDisplay(dpy)
PY
}

start() { # KIOSK_ARGS...: the kiosk with a fresh log, on a script that answers once and then waits
    rm -rf "$tmp/log" "$tmp/shots"
    # A script's `sleep MS` holds the loop for MS: wait in short steps, so the signal is seen between them.
    {
        printf '%s\n' "click start" "click lang-en" "click continue" "expect-screen check" "click scale-2" \
            "screenshot answered.png"
        for _ in $(seq 600); do echo "sleep 100"; done
    } >"$tmp/answer.script"
    "$kiosk" --config "$tmp/config.json" --log-dir "$tmp/log" --seed 1 --audit-layout --script "$tmp/answer.script" \
        --shots "$tmp/shots" "$@" >"$tmp/kiosk.log" 2>&1 &
    kiosk_pid=$!
    for _ in $(seq 200); do
        [ -s "$tmp/shots/answered.png" ] && return 0
        kill -0 "$kiosk_pid" 2>/dev/null || fail "the kiosk ended before it answered"
        sleep 0.05
    done
    fail "the kiosk did not answer within 10 s"
}
ends_within_a_second() { # SIGNAL
    local t0 t rc
    t0=$(now_ms)
    kill -"$1" "$kiosk_pid"
    while kill -0 "$kiosk_pid" 2>/dev/null && [ $(($(now_ms) - t0)) -lt 3000 ]; do sleep 0.02; done
    t=$(($(now_ms) - t0))
    kill -0 "$kiosk_pid" 2>/dev/null && fail "SIG$1: the kiosk still runs after 3 s"
    set +e
    wait "$kiosk_pid"
    rc=$?
    set -e
    kiosk_pid=
    [ "$t" -lt 1000 ] || fail "SIG$1: the kiosk took $t ms to end"
    [ "$rc" = 0 ] || fail "SIG$1: the kiosk exited $rc"
    # One student is never released (cohorts of five): read what is stored, as the data steward does (--raw).
    "$logtool" export "$tmp/log/confidence.sqlite" --raw --format csv --out "$tmp/answers.csv" 2>/dev/null ||
        fail "SIG$1: stageboost-log cannot read the log"
    [ "$(tail -n +2 "$tmp/answers.csv" | wc -l)" = 1 ] || fail "SIG$1: the answer is not in the log: $(cat "$tmp/answers.csv")"
    ok "SIG$1 ended the fullscreen kiosk in $t ms, exit 0, the answer in the log"
}

# Fullscreen: a window close and Alt+F4 change nothing, SIGTERM ends it.
start
close_window
xdotool key --window "$(xdotool search --pid "$kiosk_pid" --name Stageboost | head -1)" alt+F4
sleep 1
kill -0 "$kiosk_pid" 2>/dev/null || fail "a window close ended the locked fullscreen kiosk"
ok "the fullscreen kiosk ignores a window close (WM_DELETE_WINDOW) and Alt+F4"
ends_within_a_second TERM

start
ends_within_a_second INT

# Windowed (development): the same close does end it, so the message above did reach the kiosk.
start --windowed 1024x640
close_window
for _ in $(seq 60); do kill -0 "$kiosk_pid" 2>/dev/null || break; sleep 0.05; done
kill -0 "$kiosk_pid" 2>/dev/null && fail "a windowed kiosk did not close on WM_DELETE_WINDOW: the test cannot send it"
wait "$kiosk_pid" || true
kiosk_pid=
ok "a windowed kiosk closes on the same message"
echo PASS
