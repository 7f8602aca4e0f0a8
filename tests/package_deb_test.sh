#!/usr/bin/env bash
# package.deb: the Debian package as a technician gets it.
#   tests/package_deb_test.sh BUILD_DIR
#  1. CPack builds it (into a temporary folder; the build folder keeps no .deb from this test);
#  2. its file list: the programs, the shipped pack with its schemas, assets, man pages, copyright, changelog, the
#     service, kiosk-session and the udev rule; nothing from the build (no tests, objects, sources);
#  3. its control fields: Depends from the shared libraries plus fonts, GL and adduser; Recommends cage;
#  4. lintian: no error and no warning that is not overridden with a reason (tools/package/lintian-overrides);
#  5. unpacked into a throwaway root (dpkg-deb -x): no binary holds a path of this checkout; stageboost-pack new
#     writes the schemas from anywhere; every option of every --help is in the man page, and the pages render
#     without a warning;
#  6. the unpacked kiosk, started from an empty folder with a clean environment, shows the shipped pack's attract
#     line; with its data folder hidden it does not (so the line really comes from the pack); and when the
#     unpacked copy of the pack is changed, the change shows (so it reads that copy, not this checkout).
# Exit 77 (skipped) when cpack, dpkg-deb, lintian or xvfb-run is missing (tools/setup.sh installs them).
set -euo pipefail
build=$(realpath "$1")
src=$(cd "$(dirname "$0")/.." && pwd)
for tool in cpack dpkg-deb lintian xvfb-run python3; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (bash tools/setup.sh)"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

# ---- 1. build
start=$SECONDS
cpack -G DEB -B "$tmp/cpack" --config "$build/CPackConfig.cmake" >"$tmp/cpack.log" 2>&1 ||
    fail "cpack failed: $(cat "$tmp/cpack.log")"
deb=$(ls "$tmp"/cpack/stageboost_*_*.deb)
ok "built $(basename "$deb") ($(($(stat -c %s "$deb") / 1024)) KiB) in $((SECONDS - start)) s"

# ---- 2. files
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$tmp/files"
for f in /usr/bin/stageboost /usr/bin/stageboost-pack /usr/bin/stageboost-log \
    /usr/share/stageboost/assets/ /usr/share/stageboost/content/schema/pack.schema.json \
    /usr/share/man/man1/stageboost.1.gz /usr/share/man/man1/stageboost-pack.1.gz /usr/share/man/man1/stageboost-log.1.gz \
    /usr/share/doc/stageboost/copyright /usr/share/doc/stageboost/changelog.gz /usr/share/lintian/overrides/stageboost \
    /usr/lib/systemd/system/stageboost-kiosk.service /usr/libexec/stageboost/kiosk-session \
    /usr/lib/udev/rules.d/90-stageboost-usb.rules; do
    grep -qxF "$f" "$tmp/files" || fail "the package has no $f"
done
(cd "$src/content" && find stageboost schema -type f) | while read -r f; do
    grep -qxF "/usr/share/stageboost/content/$f" "$tmp/files" || fail "the package lacks content/$f"
done
if grep -E '\.(a|o|cpp|h|cmake|script)$|/tests?/|CMake|_test$' "$tmp/files"; then fail "build or test files in the package"; fi
if grep -vE '^/usr/' "$tmp/files"; then fail "files outside /usr"; fi
ok "$(grep -vc '/$' "$tmp/files") files, all under /usr, the shipped pack and schemas complete"

# ---- 3. control
field() { dpkg-deb -f "$deb" "$1" | tr ',' '\n' | sed 's/^ *//; s/[ (].*//'; }
field Depends >"$tmp/depends"
for d in libsdl2-2.0-0 libsodium23 libsqlite3-0 libmd4c0 libstdc++6 libc6 \
    fonts-noto-core fonts-dejavu-core fonts-opendyslexic libgl1 libegl1 adduser; do
    grep -qxF "$d" "$tmp/depends" || fail "Depends lacks $d: $(dpkg-deb -f "$deb" Depends)"
done
field Recommends | grep -qxF cage || fail "Recommends lacks cage"
[ "$(dpkg-deb -f "$deb" Section)" = education ] || fail "Section is $(dpkg-deb -f "$deb" Section)"
dpkg-deb -I "$deb" postinst | grep -q 'adduser --system' || fail "postinst creates no system user"
ok "Depends: $(dpkg-deb -f "$deb" Depends)"

# ---- 4. lintian
start=$SECONDS
if ! lintian --fail-on error,warning "$deb" >"$tmp/lintian.log" 2>&1; then
    fail "lintian: $(cat "$tmp/lintian.log")"
fi
ok "lintian: no error, no warning ($((SECONDS - start)) s)"

# ---- 5. the unpacked files
root=$tmp/root
dpkg-deb -x "$deb" "$root"
for b in "$root"/usr/bin/*; do
    if grep -qaF "$src" "$b"; then fail "$(basename "$b") holds the path of this checkout ($src)"; fi
done
ok "no binary names the checkout"

clean_env=(env -i PATH=/usr/bin:/bin HOME="$tmp/home" XDG_DATA_DIRS="$tmp/nowhere" LANG=C.UTF-8)
mkdir -p "$tmp/home" "$tmp/run"
(cd "$tmp/run" && "${clean_env[@]}" "$root/usr/bin/stageboost-pack" new nieuw >/dev/null) || fail "stageboost-pack new"
diff -r "$root/usr/share/stageboost/content/schema" "$tmp/run/nieuw/.schema" >/dev/null ||
    fail "the new pack's .schema/ differs from the installed schemas"
"${clean_env[@]}" "$root/usr/bin/stageboost-pack" validate --strict "$tmp/run/nieuw" >/dev/null ||
    fail "the installed tool's new pack does not validate"
"${clean_env[@]}" "$root/usr/bin/stageboost-pack" validate --strict "$root/usr/share/stageboost/content/stageboost" \
    >/dev/null || fail "the installed pack does not validate"
ok "the installed stageboost-pack new writes the built-in schemas, from a folder with no source tree"

man_text() { zcat "$root/usr/share/man/man1/$1.1.gz" | sed 's/\\-/-/g'; }
check_options() { # PAGE COMMAND...
    local page=$1 text o
    shift
    text=$(man_text "$page")
    for o in $("${clean_env[@]}" "$@" --help | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u); do
        [ "$o" = --help ] && continue
        grep -qF -- "$o" <<<"$text" || fail "$page(1) does not explain $o (from: $* --help)"
    done
}
check_options stageboost "$root/usr/bin/stageboost"
for sub in validate new stats graph; do check_options stageboost-pack "$root/usr/bin/stageboost-pack" $sub; done
for sub in report export merge; do check_options stageboost-log "$root/usr/bin/stageboost-log" $sub; done
if command -v man >/dev/null; then
    for page in stageboost stageboost-pack stageboost-log; do
        warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z \
            "$root/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null)
        [ -z "$warnings" ] || fail "$page(1) renders with warnings: $warnings"
    done
fi
ok "every option of every --help is in the man pages"

# ---- 6. the unpacked kiosk shows the shipped content
pack_json=$root/usr/share/stageboost/content/stageboost/pack.json
attract=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["attract"][0]["nl"])' "$pack_json")
kiosk() { # SCRIPT_TEXT [ENV...]: runs the unpacked kiosk on a script, from an empty folder
    local script=$1
    shift
    printf '#! --lang nl --windowed 1366x768\n%s\n' "$script" >"$tmp/run/start.script"
    rm -rf "$tmp/run/state"
    (cd "$tmp/run" && "${clean_env[@]}" "$@" LIBGL_ALWAYS_SOFTWARE=1 \
        xvfb-run -a -s "-screen 0 1920x1080x24" "$root/usr/bin/stageboost" --windowed 1366x768 --lang nl \
        --config state/config.json --log-dir state/log --script start.script --shots shots) >"$tmp/kiosk.log" 2>&1
}
kiosk "expect-screen start
expect-text \"$attract\"
screenshot installed_start.png" || fail "the installed kiosk does not show the pack's attract line: $(cat "$tmp/kiosk.log")"
mkdir -p "$build/tests/screenshots"
cp "$tmp/run/shots/installed_start.png" "$build/tests/screenshots/installed_start.png"
ok "the installed kiosk shows \"$attract\" (build/tests/screenshots/installed_start.png)"

kiosk "expect-screen start
expect-no-text \"$attract\"" STAGEBOOST_DATA_DIR="$tmp/nowhere" ||
    fail "without its data the kiosk still shows the attract line, so the check above proves nothing: $(cat "$tmp/kiosk.log")"
grep -q "No content found" "$tmp/kiosk.log" || fail "without its data the kiosk does not say so: $(cat "$tmp/kiosk.log")"
ok "without its data folder the line is gone, and the kiosk says where it looked"

marker="Geïnstalleerde inhoud 4711"
python3 - "$pack_json" "$marker" <<'PY'
import json, sys
path, marker = sys.argv[1], sys.argv[2]
pack = json.load(open(path, encoding="utf-8"))
pack["attract"][0]["nl"] = marker
json.dump(pack, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
kiosk "expect-text \"$marker\"" || fail "the kiosk does not read the installed copy of the pack: $(cat "$tmp/kiosk.log")"
ok "a change to the installed copy shows: the kiosk reads /usr/share/stageboost, not the checkout"
echo PASS
