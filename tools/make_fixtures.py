#!/usr/bin/env python3
"""Regenerates tests/data/packs/: one broken pack per diagnostic code, each a copy of the scaffold with
one mistake. expected.json names the code, file and line, found by searching for the mistake's text,
so the expected line never comes from the loader under test.

Usage: tools/make_fixtures.py BUILD_DIR   (needs BUILD_DIR/tools/pack/stageboost-pack for the scaffold)
"""
import json, os, shutil, subprocess, sys

build = sys.argv[1] if len(sys.argv) > 1 else "build"
root = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "packs")
base = os.path.join(root, "_base")
shutil.rmtree(root, ignore_errors=True)
os.makedirs(root)
subprocess.run([os.path.join(build, "tools/pack/stageboost-pack"), "new", base], check=True, stdout=subprocess.DEVNULL)
shutil.rmtree(os.path.join(base, ".schema"))
for f in os.listdir(base):  # fixtures point at the repository's schemas
    p = os.path.join(base, f)
    s = open(p, encoding="utf-8").read().replace('".schema/', '"../../../../content/schema/')
    open(p, "w", encoding="utf-8").write(s)

# code, file, (old, new) text replacement, marker whose line is expected (None: line 1 / 0 for whole-file)
cases = [
    ("json-syntax", "quiz.json", ('"mode": "knowledge",', '"mode": "knowledge"'), '"feedback": "immediate"'),
    ("invalid-utf8", "les.json", ("Welkom", "Welk\xffom"), "Welk"),
    ("file-missing", "pack.json", ('"quiz.json"]', '"quizz.json"]'), '"modules"'),
    ("missing-field", "rollenspel.json", ('"contentWarning"', '"contentWaarschuwing"'), None),
    ("wrong-type", "les.json", ('"minutes": 3', '"minutes": "drie"'), '"minutes"'),
    ("bad-id", "quiz.json", ('"id": "vraag-1"', '"id": "Vraag 1"'), '"Vraag 1"'),
    ("bad-value", "les.json", ('"type": "tip"', '"type": "hint"'), '"hint"'),
    ("unknown-field", "les.json", ('"summary"', '"samenvatting"'), '"samenvatting"'),
    ("format-version", "quiz.json", ('"format": 1', '"format": 2'), '"format"'),
    ("duplicate-id", "quiz.json", ('"id": "vraag-2"', '"id": "vraag-1"'), '"id": "vraag-1", "type": "single"'),
    ("unknown-target", "rollenspel.json", ('"target": "einde-fout"', '"target": "einde-fuot"'), '"einde-fuot"'),
    ("unknown-speaker", "rollenspel.json", ('"speaker": "begeleider", "text": {"nl": "Lukt het?"', '"speaker": "begleider", "text": {"nl": "Lukt het?"'), '"begleider"'),
    ("unknown-help", "rollenspel.json", ('"help": ["school"]}\n  ]', '"help": ["scool"]}\n  ]'), '"scool"'),
    ("unknown-item", "check.json", ('"items": ["voorbereid"]', '"items": ["voorbereidt"]'), '"voorbereidt"'),
    ("unknown-check", "pack.json", ('"sessionCheck": "check"', '"sessionCheck": "les"'), '"sessionCheck"'),
    ("unknown-language", "les.json", ('"en": "Welcome"', '"fr": "Bienvenue"'), '"fr"'),
    ("missing-translation", "quiz.json", ('"feedback": {"nl": "Ja.", "en": "Yes."}', '"feedback": {"nl": "Ja."}'), '"Ja."'),
    ("text-too-long", "rollenspel.json", ('"Lukt het?"', '"' + "Lukt het? " * 60 + '"'), '"Lukt het? Lukt'),
    ("empty-text", "les.json", ('{"nl": "Welkom", "en": "Welcome"}', '{"nl": "", "en": ""}'), '{"nl": "", "en": ""}'),
    ("dead-end", "rollenspel.json", ('"next": "einde-goed"', '"prompt": {"nl": "x", "en": "x"}'), '"id": "uitleg"'),
    ("choices-and-next", "rollenspel.json", ('"lines": [{"speaker": "narrator", "text": {"nl": "Een uur later', '"next": "uitleg", "lines": [{"speaker": "narrator", "text": {"nl": "Een uur later'), '"next": "uitleg"'),
    ("unreachable-node", "rollenspel.json", ('"target": "later"', '"target": "einde-fout"'), '"id": "later"'),
    ("unreachable-ending", "rollenspel.json", ('"target": "einde-fout"', '"target": "begin"'), '"id": "einde-fout"'),
    ("no-ending", "rollenspel.json", [('"target": "einde-fout"', '"target": "later"'), ('"target": "uitleg", "effects": ["asked = true"],\n         "feedback": {"nl": "Het is nooit', '"target": "later", "effects": ["asked = true"],\n         "feedback": {"nl": "Het is nooit')], '"id": "later"'),
    ("expression-error", "rollenspel.json", ('"effects": ["asked = true"],\n         "feedback": {"nl": "Het is nooit', '"effects": ["asked = true"], "condition": "asked >= 1",\n         "feedback": {"nl": "Het is nooit'), '"asked >= 1"'),
    ("no-correct-answer", "quiz.json", ('"correct": true, "feedback": {"nl": "Ja."', '"correct": false, "feedback": {"nl": "Ja."'), '"options"'),
    ("band-coverage", "quiz.json", ('{"min": 2, "max": 2,', '{"min": 3, "max": 3,'), '{"min": 3, "max": 3'),
    ("media-missing", "les.json", ('"reflection":', '"image": {"src": "images/welkom.png", "alt": {"nl": "Welkom", "en": "Welcome"}},\n      "reflection":'), '"images/welkom.png"'),
    ("media-outside", "les.json", ('"reflection":', '"image": {"src": "../../../../assets/x.png", "alt": {"nl": "x", "en": "x"}},\n      "reflection":'), '"../../../../assets/x.png"'),
    ("media-format", "les.json", ('"reflection":', '"image": {"src": "plaatje.png", "alt": {"nl": "x", "en": "x"}},\n      "reflection":'), '"plaatje.png"'),
    ("empty-list", "les.json", (None, None), '"pages"'),
    ("too-deep", "les.json", ('"reflection":', '"x": ' + "[" * 40 + "]" * 40 + ',\n      "reflection":'), '"x"'),
]

for code, file, change, marker in cases:
    changes = change if isinstance(change, list) else [change]
    d = os.path.join(root, code)
    shutil.copytree(base, d)
    p = os.path.join(d, file)
    text = open(p, encoding="utf-8").read()
    if code == "empty-list":
        data = json.loads(text)
        data["pages"] = []
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        for old, new in changes:
            assert old in text, (code, old)
            text = text.replace(old, new, 1)
    if code == "invalid-utf8":
        raw = text.encode("utf-8").replace("Welk\xffom".encode("utf-8"), b"Welk\xffom")
        open(p, "wb").write(raw)
    else:
        open(p, "w", encoding="utf-8").write(text)
    if code == "media-format":
        open(os.path.join(d, "plaatje.png"), "w").write("this is text, not a PNG\n")
    if marker is None:
        line = 1
    else:
        lines = text.split("\n")
        line = next(i + 1 for i, l in enumerate(lines) if marker in l)
    json.dump({"code": code, "file": file, "line": line}, open(os.path.join(d, "expected.json"), "w"), indent=2)
    open(os.path.join(d, "expected.json"), "a").write("\n")
print(f"wrote {len(cases)} fixtures into {os.path.normpath(root)}")
