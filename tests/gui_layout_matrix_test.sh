#!/usr/bin/env bash
# The layout matrix: the tour of every student and trainer screen (tests/gui/tour.script) with the layout
# audit before every step, at 1280x800, 1366x768 and 1920x1080, with text sizes 1.0 and 1.4, in Dutch and
# English, in the calm theme, in high contrast and with the dyslexia letter. Any finding fails the test.
#   tests/gui_layout_matrix_test.sh KIOSK LOG_TOOL [FILTER]   (FILTER: only runs whose name contains it)
set -uo pipefail
kiosk=$1
filter=${3:-}
cd "$(dirname "$0")/.."
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (bash tools/setup.sh)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LIBGL_ALWAYS_SOFTWARE=1

runs=()
for size in 1280x800 1366x768 1920x1080; do
    for text in 1.0 1.4; do
        for lang in nl en; do
            for look in calm high-contrast dyslexia; do
                name="$size-text$text-$lang-$look"
                [ -n "$filter" ] && [[ "$name" != *"$filter"* ]] && continue
                runs+=("$name")
            done
        done
    done
done

run_one() {
    local name=$1 size text lang look
    IFS=- read -r size text lang look <<<"${name/high-contrast/high_contrast}"
    text=${text#text}
    local opts=(--windowed "$size" --text-size "$text" --lang "$lang")
    case $look in
    high_contrast) opts+=(--theme high-contrast) ;;
    dyslexia) opts+=(--dyslexia-font) ;;
    esac
    local state="$tmp/$name"
    mkdir -p "$state"
    if xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --config "$state/config.json" --log-dir "$state/log" \
        --script tests/gui/tour.script "${opts[@]}" --no-screenshots >"$state/out" 2>&1; then
        echo "ok    $name"
    else
        echo "FAIL  $name"
        grep -A14 "script failed" "$state/out" | sed 's/^/      /'
        return 1
    fi
}
export -f run_one
export kiosk tmp

start=$(date +%s)
printf '%s\n' "${runs[@]}" | xargs -P 2 -I{} bash -c 'run_one "$@"' _ {} >"$tmp/results"
cat "$tmp/results"
failed=$(grep -c '^FAIL' "$tmp/results" || true)
echo "layout matrix: ${#runs[@]} runs, $failed failed, $(( $(date +%s) - start )) s"
[ "$failed" -eq 0 ]
