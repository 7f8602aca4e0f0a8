#!/usr/bin/env bash
# Fails when a C++ file of the repository does not match the root .clang-format (clang-format 14, Debian).
#   tools/check_format.sh          list the files that differ (exit 1 when there are any)
#   tools/check_format.sh --fix    reformat them in place
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format is not installed (bash tools/setup.sh installs it)"; exit 77; }
fix=0
[ "${1:-}" = "--fix" ] && fix=1
bad=()
while IFS= read -r f; do
    [ -f "$f" ] || continue
    if ! clang-format --style=file "$f" | cmp -s - "$f"; then
        if [ $fix = 1 ]; then clang-format --style=file -i "$f"; else bad+=("$f"); fi
    fi
done < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.h')
if [ ${#bad[@]} -gt 0 ]; then
    echo "These files do not match .clang-format; run: bash tools/check_format.sh --fix"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "All C++ files match .clang-format."
