#!/usr/bin/env bash
# Keeps content/schema/ and the loader in agreement, checked by an independent validator: ajv (npm's
# ajv-cli, JSON Schema draft 2020-12).
#   - every shipped pack (content/*/), the clean fixture tests/data/packs/_base and (given the tool) the
#     pack `stageboost-pack new` makes must pass ajv, as they pass `stageboost-pack validate --strict`;
#   - each fixture below breaks a rule the schema can express, so its broken file must fail ajv as it
#     fails the loader (rules that need the whole pack, such as unknown targets, are the loader's alone).
#
#   tests/schema_test.sh [CACHE_DIR [STAGEBOOST_PACK]]
# ajv is installed into CACHE_DIR (default build/ajv) when missing.
# Exit: 0 agree, 1 disagree, 77 skipped (no node/npm, or the npm registry cannot be reached).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=$(realpath -m "${1:-$root/build/ajv}")
tool=${2:-}
schemas=$root/content/schema
packs=$root/tests/data/packs

# Fixtures whose error is schema-level: the loader's code is in the fixture's name and expected.json.
schema_level=(wrong-type bad-value missing-field bad-id empty-list empty-text choices-and-next dead-end
              format-version media-outside unknown-field json-syntax)

skip() {
    echo "SKIP: $*"
    exit 77
}

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    skip "node and npm are not installed, so the schemas cannot be checked with ajv (apt-get install nodejs npm)"
fi
ajv=$cache/node_modules/.bin/ajv
if [ ! -x "$ajv" ] || [ ! -d "$cache/node_modules/ajv-formats" ]; then
    echo "installing ajv-cli@5 and ajv-formats@3 into $cache"
    mkdir -p "$cache"
    if ! npm install --prefix "$cache" --no-audit --no-fund --loglevel=error ajv-cli@5 ajv-formats@3 \
        >"$cache/npm-install.log" 2>&1; then
        tail -5 "$cache/npm-install.log"
        skip "npm could not install ajv-cli (is the npm registry reachable?)"
    fi
fi

# The schema a file names in "$schema" (only its file name counts: schemas live in content/schema/);
# pack.json is always pack.schema.json.
schema_of() {
    if [ "$(basename "$1")" = pack.json ]; then
        echo pack.schema.json
        return
    fi
    node -e '
        const fs = require("fs");
        try {
            const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
            const s = typeof d.$schema === "string" ? d.$schema.split("/").pop() : "";
            console.log(s || (typeof d.kind === "string" ? d.kind + ".schema.json" : ""));
        } catch (e) { console.log(""); }' "$1"
}

# ajv FILE SCHEMA: ajv's verdict, its messages in $ajv_out.
ajv_out=
ajv_check() {
    ajv_out=$("$ajv" validate --spec=draft2020 --strict=true -c ajv-formats --errors=text \
        -s "$schemas/$2" -r "$schemas/common.schema.json" -d "$1" 2>&1)
}

pass=0
fail=0
ok() {
    echo "ok:   $1"
    pass=$((pass + 1))
}
bad() {
    echo "FAIL: $1"
    [ -n "${2:-}" ] && sed 's/^/      /' <<<"$2"
    fail=$((fail + 1))
}

# 1. What the loader accepts, ajv accepts.
clean_dirs=("$packs/_base")
for dir in "$root"/content/*/; do
    [ -f "$dir/pack.json" ] && clean_dirs+=("${dir%/}")
done
if [ -n "$tool" ]; then
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    if "$tool" new "$scratch/nieuw" >/dev/null && "$tool" validate --strict "$scratch/nieuw" >/dev/null; then
        clean_dirs+=("$scratch/nieuw")
    else
        bad "stageboost-pack new made a pack that does not validate clean"
    fi
fi
for dir in "${clean_dirs[@]}"; do
    while IFS= read -r -d '' file; do
        rel=${file#"$root"/}
        schema=$(schema_of "$file")
        if [ -z "$schema" ] || [ ! -f "$schemas/$schema" ]; then
            bad "$rel names no known schema in \"\$schema\" (got \"$schema\")"
            continue
        fi
        if ajv_check "$file" "$schema"; then
            ok "$rel passes $schema"
        else
            bad "$rel fails $schema, but the loader accepts it: fix the schema" "$ajv_out"
        fi
    done < <(find "$dir" -name '*.json' -not -name expected.json -not -path '*/.schema/*' -print0 | sort -z)
done

# 2. What the loader rejects for a schema-level reason, ajv rejects too.
for name in "${schema_level[@]}"; do
    expected=$packs/$name/expected.json
    if [ ! -f "$expected" ]; then
        bad "fixture $name has no expected.json"
        continue
    fi
    file=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).file)' "$expected")
    schema=$(schema_of "$packs/_base/$file")  # the broken file may not even parse: ask its clean original
    rel=tests/data/packs/$name/$file
    if ajv_check "$packs/$name/$file" "$schema"; then
        bad "$rel passes $schema, but the loader reports $name: make the schema reject it" "$ajv_out"
    else
        ok "$rel fails $schema, as the loader reports $name"
    fi
done

echo "schema test: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
