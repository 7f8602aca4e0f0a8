#!/usr/bin/env bash
# package.unit: stageboost-kiosk.service as installed passes `systemd-analyze verify` with no warning at all
# (unknown keys and bad values are only warnings, with exit 0: so stderr must be empty too), and the man page its
# Documentation= names is installed. The unit is checked inside a throwaway root (--root) holding the installed files and this machine's
# systemd units, so that ExecStart's program is checked where the package puts it.
#   tests/package_unit_test.sh BUILD_DIR
# Exit 77 (skipped) without systemd-analyze.
set -euo pipefail
build=$(realpath "$1")
command -v systemd-analyze >/dev/null || { echo "SKIP: systemd-analyze is not installed (package systemd)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
root=$tmp/root
DESTDIR=$root cmake --install "$build" --prefix /usr >"$tmp/install.log" 2>&1 || fail "install: $(cat "$tmp/install.log")"
unit=$root/usr/lib/systemd/system/stageboost-kiosk.service
[ -f "$unit" ] || fail "no unit installed"
grep -qx 'ExecStart=/usr/libexec/stageboost/kiosk-session --config /etc/stageboost/config.json' "$unit" ||
    fail "ExecStart does not name the installed kiosk-session: $(grep ExecStart "$unit")"
# The targets and services the unit names come from this machine.
for dir in /usr/lib/systemd/system /lib/systemd/system; do
    [ -d "$dir" ] && cp -an "$dir/." "$root/usr/lib/systemd/system/" 2>/dev/null || true
done
cd "$tmp"
set +e
# Documentation=man:stageboost(1) is checked too, against the installed man page, when man is there.
man_check=--man=no
command -v man >/dev/null && man_check=--man=yes
MANPATH=$root/usr/share/man systemd-analyze verify "$man_check" --root="$root" stageboost-kiosk.service \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
cat "$tmp/out" "$tmp/err"
[ "$rc" = 0 ] || fail "systemd-analyze verify exited $rc"
[ ! -s "$tmp/err" ] || fail "systemd-analyze verify warned (see above)"
echo "ok: systemd-analyze verify: no error, no warning"

# The settings the journeys rely on (a change here must be a decision, not an accident).
expect() { grep -qx "$1" "$unit" || fail "the unit lost: $1"; }
expect 'User=stageboost'
expect 'TTYPath=/dev/tty1'
expect 'Conflicts=getty@tty1.service'
expect 'Restart=on-failure'
expect 'KillMode=mixed'
expect 'StateDirectory=stageboost'
expect 'WantedBy=graphical.target'
# cage switches virtual terminals only with -s: the kiosk must never pass it.
kiosk_session=$root/usr/libexec/stageboost/kiosk-session
grep -qE '"\$cage" -d -- ' "$kiosk_session" || fail "kiosk-session does not start cage as expected"
if grep -E '"\$cage"[^|]* -s' "$kiosk_session"; then fail "kiosk-session allows VT switching (cage -s)"; fi
[ -x "$kiosk_session" ] || fail "kiosk-session is not executable"
sh -n "$kiosk_session" || fail "kiosk-session has a syntax error"
echo "ok: the unit runs as stageboost on tty1, restarts on failure only, and cage gets no -s"
echo PASS
