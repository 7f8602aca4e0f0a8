#!/usr/bin/env bash
# Runs one headless kiosk test: the real app under Xvfb with Mesa's llvmpipe, driven by a script.
#   tools/run_gui_test.sh KIOSK_BINARY SCRIPT SHOTS_DIR
# A line "#! --option value ..." in the script gives kiosk options (the kiosk reads them itself); a script
# without one runs in a 1280x720 window. Every script checks the layout of each screen before each step
# (--audit-layout): overlaps, clipped text, small or hidden controls fail the test with the widget ids.
set -euo pipefail
kiosk=$1
script=$2
shots=$3
mkdir -p "$shots"
args=""
grep -qE '^#!' "$script" || args="--windowed 1280x720"
export LIBGL_ALWAYS_SOFTWARE=1
# shellcheck disable=SC2086
# Each test gets its own empty config and log, so nothing leaks between tests or from the machine.
name=$(basename "$script" .script)
state="$shots/state-$name"
rm -rf "$state"
mkdir -p "$state"
# ...and packs imported from USB sticks on this machine (~/.local/share/stageboost/packs) stay out too.
export STAGEBOOST_STATE_DIR="$state"
exec xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --config "$state/config.json" --log-dir "$state/log" \
    --audit-layout $args --script "$script" --shots "$shots"
