#!/usr/bin/env bash
# Builds the pack loader's libFuzzer target with clang-14 (ASan + UBSan) and fuzzes it for SECONDS.
#
#   tools/fuzz/run.sh SECONDS [BUILD_DIR]        (BUILD_DIR defaults to build-fuzz)
#
# Seeds: every JSON file under tests/data/packs, each fixture pack as one multi-file input (see
# pack_fuzz_target.h), the small valid modules in tools/fuzz/seeds, and the regression inputs in
# tests/data/fuzz. The corpus the fuzzer grows is kept
# in BUILD_DIR/corpus between runs; crashing inputs go to BUILD_DIR/crashes. libFuzzer stops at the first
# crash; KEEP_GOING=1 forks a child per run instead and collects every crash it finds.
# A crash becomes a regression test: copy it to tests/data/fuzz/NAME.input (see tests/fuzz_regression_test.cpp).
# Exit status: 0 clean, 1 crashes found, 2 bad usage or build failure.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

seconds=${1:-}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: tools/fuzz/run.sh SECONDS [BUILD_DIR]" >&2
    exit 2
fi
build=$(realpath -m "${2:-build-fuzz}")

# clang-14 with its runtime libraries (libFuzzer, the sanitizers); Debian packages only.
missing=()
for p in clang-14 libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "fuzz: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
        echo "fuzz: could not install ${missing[*]} (run as root, or run tools/setup.sh)" >&2
        exit 2
    }
fi

echo "fuzz: building $build/libfuzzer/pack_fuzzer"
if ! { cmake -S tools/fuzz -B "$build/libfuzzer" -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null &&
       cmake --build "$build/libfuzzer" -j2 >"$build/build.log" 2>&1; }; then
    tail -30 "$build/build.log" >&2
    echo "fuzz: build failed" >&2
    exit 2
fi
fuzzer=$build/libfuzzer/pack_fuzzer

# Seeds, made afresh each run from the fixtures.
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds" "$build/corpus" "$build/crashes"
sep=$'\n---8<---\n'
while IFS= read -r -d '' f; do
    rel=${f#tests/data/packs/}
    cp "$f" "$seeds/${rel//\//__}"
done < <(find tests/data/packs -name '*.json' -print0)
for dir in tests/data/packs/*/; do
    name=$(basename "$dir")
    [ -f "$dir/pack.json" ] || continue
    {
        cat "$dir/pack.json"
        for m in check.json les.json rollenspel.json quiz.json; do
            printf '%s' "$sep"
            [ -f "$dir/$m" ] && cat "$dir/$m"  # a missing file stays empty: the fuzzer keeps _base's
        done
    } >"$seeds/pack__$name"
done
for f in tools/fuzz/seeds/*.json; do cp "$f" "$seeds/small__$(basename "$f")"; done  # small and valid: fast to mutate
if [ -d tests/data/fuzz ]; then
    for f in tests/data/fuzz/*.input; do [ -f "$f" ] && cp "$f" "$seeds/regression__$(basename "$f")"; done
fi
echo "fuzz: $(ls "$seeds" | wc -l) seeds, $(ls "$build/corpus" | wc -l) inputs kept from earlier runs"

# The fuzzer writes its pack folder on tmpfs; this run's own folder, removed afterwards.
shm=/dev/shm
[ -d "$shm" ] && [ -w "$shm" ] || shm=${TMPDIR:-/tmp}
work=$(mktemp -d "$shm/stageboost-fuzz-run.XXXXXX")
trap 'rm -rf "$work"' EXIT
export STAGEBOOST_FUZZ_TMP=$work

log=$build/fuzz.log
args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384
      -dict=tools/fuzz/pack.dict -artifact_prefix="$build/crashes/" -print_final_stats=1)
if [ "${KEEP_GOING:-0}" = 1 ]; then
    args+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi
echo "fuzz: running for ${seconds}s, log in $log"
start=$(date +%s)
"$fuzzer" "${args[@]}" "$build/corpus" "$seeds" >"$log" 2>&1
rc=$?
elapsed=$(( $(date +%s) - start ))

# Summary: the last status line libFuzzer printed, its final stats, and what landed in crashes/.
last=$(grep -E '^#[0-9]+' "$log" | tail -1)
execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
[ -n "$execs" ] || execs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<<"$last")
speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
[ -n "$speed" ] || { [ -n "$execs" ] && [ "$elapsed" -gt 0 ] && speed=$((execs / elapsed)); }  # fork mode has no stats
cov=$(grep -oE 'cov: [0-9]+' <<<"$last" | grep -oE '[0-9]+')
ft=$(grep -oE 'ft: [0-9]+' <<<"$last" | grep -oE '[0-9]+')
corp=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' <<<"$last" | cut -d' ' -f2)
mapfile -t found < <(find "$build/crashes" -type f -newer "$seeds" | sort)
echo
echo "==== pack fuzzer summary ===="
echo "time:      ${elapsed}s (asked ${seconds}s)"
echo "execs:     ${execs:-?} (${speed:-?}/s)"
echo "coverage:  ${cov:-?} edges, ${ft:-?} features, corpus ${corp:-?}"
echo "crashes:   ${#found[@]} new in $build/crashes"
for f in "${found[@]}"; do echo "  $f"; done
if [ ${#found[@]} -gt 0 ] || { [ "$rc" -ne 0 ] && [ "${KEEP_GOING:-0}" != 1 ]; }; then
    grep -m3 -E 'ERROR: |runtime error:|SUMMARY:' "$log" | sed 's/^/  /'
    echo "result:    FAILED (exit $rc). Replay one with: $fuzzer CRASH_FILE"
    echo "           then keep it as tests/data/fuzz/NAME.input for tests/fuzz_regression_test.cpp"
    exit 1
fi
echo "result:    clean"
exit 0
