#!/usr/bin/env python3
"""Schema and loader agree, mutation by mutation.

Each case in tests/data/schema/mutations.json changes one thing in the clean fixture pack
(tests/data/packs/_base): sets or removes a value at a JSON pointer, or replaces text. The changed file goes
through ajv (JSON Schema 2020-12, strict mode, the schemas in content/schema/) and the whole pack through
`stageboost-pack validate --strict`. They must agree: the schema rejects what the loader rejects. A case whose
disagreement is expected names its reason in "allow" (a rule across files or values that a schema cannot
express); an allowed case that stops disagreeing fails too, so the list stays true.
First, every schema must compile in ajv's strict mode.

  tests/schema_agreement_test.py AJV_CACHE_DIR STAGEBOOST_PACK
Exit: 0 agree, 1 disagree, 77 skipped (no node/npm, or ajv cannot be installed).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMAS = os.path.join(ROOT, "content", "schema")
BASE = os.path.join(ROOT, "tests", "data", "packs", "_base")
SCHEMA_OF = {"pack.json": "pack.schema.json", "les.json": "lesson.schema.json",
             "rollenspel.json": "roleplay.schema.json", "quiz.json": "quiz.schema.json",
             "check.json": "confidence.schema.json"}


def skip(why):
    print("SKIP: " + why)
    sys.exit(77)


def ensure_ajv(cache):
    if not shutil.which("node") or not shutil.which("npm"):
        skip("node and npm are not installed, so the schemas cannot be checked with ajv "
             "(apt-get install nodejs npm)")
    if os.path.isdir(os.path.join(cache, "node_modules", "ajv")) and \
            os.path.isdir(os.path.join(cache, "node_modules", "ajv-formats")):
        return
    os.makedirs(cache, exist_ok=True)
    print("installing ajv-cli@5 and ajv-formats@3 into " + cache)
    r = subprocess.run(["npm", "install", "--prefix", cache, "--no-audit", "--no-fund", "--loglevel=error",
                        "ajv-cli@5", "ajv-formats@3"], capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stdout[-2000:] + r.stderr[-2000:])
        skip("npm could not install ajv-cli (is the npm registry reachable?)")


def unescape(token):
    return token.replace("~1", "/").replace("~0", "~")


def apply(doc, op):
    kind, pointer = op[0], op[1]
    tokens = [unescape(t) for t in pointer.split("/")[1:]]
    parent = doc
    for t in tokens[:-1]:
        parent = parent[int(t)] if isinstance(parent, list) else parent[t]
    last = tokens[-1]
    if isinstance(parent, list):
        last = int(last)
    if kind == "set":
        if isinstance(parent, list) and last == len(parent):
            parent.append(op[2])
        else:
            parent[last] = op[2]
    elif kind == "remove":
        del parent[last]
    else:
        raise ValueError("unknown op " + kind)


# Validates files with ajv in strict mode; prints one verdict per file, as JSON.
NODE = r"""
const [cache, schemas, list] = process.argv.slice(1);
const fs = require("fs"), path = require("path");
const Ajv2020 = require(path.join(cache, "node_modules/ajv/dist/2020")).default;
const ajv = new Ajv2020({strict: true, allErrors: true});
require(path.join(cache, "node_modules/ajv-formats"))(ajv);
const load = f => JSON.parse(fs.readFileSync(path.join(schemas, f), "utf8"));
ajv.addSchema(load("common.schema.json"), "common.schema.json");
const out = {compile: {}, results: []};
const validators = {};
for (const f of fs.readdirSync(schemas).filter(f => f.endsWith(".schema.json"))) {
  try { validators[f] = f === "common.schema.json" ? null : ajv.compile(load(f)); out.compile[f] = "ok"; }
  catch (e) { out.compile[f] = e.message; }
}
for (const [file, schema] of JSON.parse(fs.readFileSync(list, "utf8"))) {
  let data;
  try { data = JSON.parse(fs.readFileSync(file, "utf8")); }
  catch (e) { out.results.push({valid: false, errors: "not JSON: " + e.message}); continue; }
  const v = validators[schema];
  if (!v) { out.results.push({valid: false, errors: "schema did not compile"}); continue; }
  const valid = v(data);
  out.results.push({valid, errors: valid ? "" : ajv.errorsText(v.errors)});
}
console.log(JSON.stringify(out));
"""


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    cache, tool = os.path.abspath(sys.argv[1]), sys.argv[2]
    ensure_ajv(cache)
    with open(os.path.join(ROOT, "tests", "data", "schema", "mutations.json"), encoding="utf-8") as f:
        cases = json.load(f)
    work = tempfile.mkdtemp(prefix="schema-agreement-")
    failed = 0
    try:
        todo, loader = [], []
        for i, case in enumerate(cases):
            pack = os.path.join(work, "%02d" % i)
            shutil.copytree(BASE, pack)
            target = os.path.join(pack, case["file"])
            for op in case["ops"]:
                if op[0] == "text":
                    with open(target, encoding="utf-8") as f:
                        text = f.read()
                    assert op[1] in text, case["name"] + ": text not found: " + op[1]
                    text = text.replace(op[1], op[2], 1)
                else:
                    with open(target, encoding="utf-8") as f:
                        doc = json.load(f)
                    apply(doc, op)
                    text = json.dumps(doc, indent=2, ensure_ascii=False)
                with open(target, "w", encoding="utf-8") as f:
                    f.write(text)
            todo.append([target, SCHEMA_OF[case["file"]]])
            r = subprocess.run([tool, "validate", "--strict", "--json", pack], capture_output=True, text=True)
            try:
                diags = json.loads(r.stdout)
            except ValueError:
                diags = [{"code": "(no JSON output)", "message": r.stdout + r.stderr}]
            loader.append((r.returncode, diags))
        listing = os.path.join(work, "files.json")
        with open(listing, "w") as f:
            json.dump(todo, f)
        r = subprocess.run(["node", "-e", NODE, cache, SCHEMAS, listing], capture_output=True, text=True)
        if r.returncode != 0:
            print("FAIL: ajv did not run:\n" + r.stderr)
            return 1
        ajv = json.loads(r.stdout)
        for schema, verdict in sorted(ajv["compile"].items()):
            if verdict == "ok":
                print("ok:   %s compiles in ajv's strict mode (draft 2020-12)" % schema)
            else:
                print("FAIL: %s does not compile in ajv's strict mode: %s" % (schema, verdict))
                failed += 1
        disagreements = 0
        for case, (rc, diags), verdict in zip(cases, loader, ajv["results"]):
            loader_rejects = rc != 0
            schema_rejects = not verdict["valid"]
            codes = sorted({d.get("code", "?") for d in diags})
            said = "loader %s %s, ajv %s%s" % ("rejects" if loader_rejects else "accepts",
                                              codes if codes else "", "rejects" if schema_rejects else "accepts",
                                              (": " + verdict["errors"][:200]) if schema_rejects else "")
            agree = loader_rejects == schema_rejects
            allowed = case.get("allow")
            if agree and not allowed:
                print("ok:   %s (%s)" % (case["name"], said))
            elif not agree and allowed:
                disagreements += 1
                print("ok:   %s disagrees as listed: %s (%s)" % (case["name"], allowed, said))
            elif not agree:
                failed += 1
                print("FAIL: %s: %s; make the schema and the loader agree, or list the reason" % (case["name"], said))
            else:
                failed += 1
                print("FAIL: %s is listed as a disagreement (%s) but both agree now (%s): remove \"allow\""
                      % (case["name"], allowed, said))
        print("schema agreement: %d cases, %d listed disagreements, %d failed" % (len(cases), disagreements, failed))
        if len(cases) < 40:
            print("FAIL: the corpus has fewer than 40 cases")
            failed += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
