#!/usr/bin/env python3
"""Pack loader benchmark (prints figures; not a timed test).

Generates a role-play of 10,000 nodes (lines, choices with conditions and effects, `next` links,
visits(), several endings) into a copy of tests/data/packs/_base in a temp folder, checks that it
validates clean, then runs `stageboost-pack validate --time` on it several times, taking turns with Python's
json.load of the same files, and prints the median load time (LoadPack only), the whole command's wall time,
the ratio to json.load (target 1.5x at 10,000 nodes) and the time per 1,000 nodes at each size (linear growth).

Usage: python3 tools/bench/pack_bench.py [--tool PATH] [--nodes N,N,...] [--runs N] [--keep]
  --tool   stageboost-pack to run (default build/tools/pack/stageboost-pack)
  --keep   keep the generated pack and print where it is (for profiling)
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TARGET_S = 0.5


def text(nl, en):
    return {"nl": nl, "en": en}


def make_roleplay(n_nodes, n_endings=20):
    """A connected story: node i always leads on to i+1 (so every node is reachable and every node reaches
    an ending), plus jumps ahead and early endings behind conditions."""
    moods = ["neutral", "happy", "worried", "angry", "sad", "surprised"]
    endings = []
    outcomes = ["positive", "mixed", "negative"]
    for e in range(n_endings):
        endings.append({
            "id": f"einde-{e}",
            "title": text(f"Afloop {e}", f"Ending {e}"),
            "outcome": outcomes[e % 3],
            "debrief": text(f"Wat er gebeurde in afloop {e}, en waarom dat ertoe doet.",
                            f"What happened in ending {e}, and why it matters."),
            "lessons": [text("Vraag op tijd om hulp.", "Ask for help in time.")],
            "help": ["school"],
        })
    nodes = []
    walk_aways = 0
    for i in range(n_nodes):
        last = i == n_nodes - 1
        node = {
            "id": f"n{i}",
            "lines": [
                {"speaker": "narrator",
                 "text": text(f"Scène {i}: iemand kijkt je aan.", f"Scene {i}: someone looks at you.")},
                {"speaker": "begeleider", "mood": moods[i % len(moods)],
                 "text": text("En nu?", "And now?")},
            ],
        }
        if i % 10 == 9 and not last:
            node["next"] = f"n{i + 1}"
            nodes.append(node)
            continue
        node["prompt"] = text("Wat zou jij doen?", "What would you do?")
        onward = f"n{i + 1}" if not last else f"einde-{i % n_endings}"
        choices = [{
            "text": text("Ik vraag het.", "I ask."),
            "target": onward,
            "effects": ["confidence += 1", "asked = true"],
            "feedback": text("Goed gevraagd.", "Good question."),
            "quality": "strong",
        }, {
            "text": text("Ik zeg niets.", "I say nothing."),
            "target": f"n{min(i + 3, n_nodes - 1)}" if i + 3 < n_nodes else f"einde-{(i + 1) % n_endings}",
            "condition": f"confidence >= {i % 5} and not asked or visits(n{max(i - 1, 0)}) > 1",
            "effects": ["confidence -= 1"],
            "feedback": text("Nu loop je vast.", "Now you are stuck."),
            "quality": "weak",
        }]
        if i % 7 == 0:
            walk_aways += 1  # counts, so every ending is reached by some node
            choices.append({
                "text": text("Ik loop weg.", "I walk away."),
                "target": f"einde-{walk_aways % n_endings}",
                "condition": f"confidence < {i % 3 + 1} || (trust - 1) == {i % 4}",
                "effects": [f"trust = {i % 5}"],
                "feedback": text("Soms is weglopen veilig.", "Sometimes walking away is safe."),
                "quality": "okay",
            })
        node["choices"] = choices
        nodes.append(node)
    return {
        "$schema": "../../../../content/schema/roleplay.schema.json",
        "format": 1,
        "kind": "roleplay",
        "id": "rollenspel",
        "title": text("Een lange dag", "A long day"),
        "summary": text("Tienduizend momenten.", "Ten thousand moments."),
        "contentWarning": text("Dit rollenspel gaat over onzekerheid op je stage.",
                               "This role-play is about feeling unsure at your internship."),
        "variables": {"confidence": 0, "asked": False, "trust": 2},
        "start": "n0",
        "nodes": nodes,
        "endings": endings,
    }


def json_load_ms(pack):
    """Python's json.load of the same files, the yardstick of issue 18."""
    t0 = time.perf_counter()
    for name in sorted(os.listdir(pack)):
        if name.endswith(".json"):
            with open(os.path.join(pack, name), encoding="utf-8") as f:
                json.load(f)
    return (time.perf_counter() - t0) * 1000


def measure(tool, nodes, runs, tmp):
    """(MiB, load ms, wall ms, json.load ms): medians, the loader and json.load taking turns."""
    pack = os.path.join(tmp, f"pack-{nodes}")
    shutil.copytree(os.path.join(ROOT, "tests/data/packs/_base"), pack)
    with open(os.path.join(pack, "rollenspel.json"), "w", encoding="utf-8") as f:
        # Compact, as the loader's 8 MiB file limit leaves no room for indentation at this size.
        json.dump(make_roleplay(nodes), f, ensure_ascii=False, separators=(",", ":"))
    size = os.path.getsize(os.path.join(pack, "rollenspel.json"))
    check = subprocess.run([tool, "validate", "--strict", pack], capture_output=True, text=True)
    if check.returncode != 0:
        print(check.stdout[-3000:], check.stderr[-2000:])
        sys.exit("pack_bench: the generated pack does not validate clean; the benchmark would measure errors")
    load_ms, wall_ms, py_ms = [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run([tool, "validate", "--time", pack], capture_output=True, text=True, check=True).stdout
        wall_ms.append((time.perf_counter() - t0) * 1000)
        m = re.search(r"\(([0-9.]+) ms\)", out)
        if not m:
            sys.exit(f"pack_bench: no time in the output of --time: {out!r}")
        load_ms.append(float(m.group(1)))
        py_ms.append(json_load_ms(pack))
    return size / 1024 / 1024, statistics.median(load_ms), statistics.median(wall_ms), statistics.median(py_ms), pack


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tool", default=os.path.join(ROOT, "build/tools/pack/stageboost-pack"))
    ap.add_argument("--nodes", default="2500,5000,10000",
                    help="sizes, comma-separated (20000 nodes is past the loader's 8 MiB file limit)")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    if not os.access(args.tool, os.X_OK):
        sys.exit(f"pack_bench: no stageboost-pack at {args.tool}; build it first (tools/build.sh) or pass --tool")
    sizes = [int(n) for n in args.nodes.split(",")]
    tmp = tempfile.mkdtemp(prefix="stageboost-pack-bench-")
    try:
        print(f"pack_bench: generated role-plays, {args.runs} runs each; the loader (validate --time: LoadPack only)")
        print("and Python's json.load of the same files take turns")
        print(f"{'nodes':>7} {'MiB':>5} {'load':>9} {'wall':>9} {'json.load':>10} {'ratio':>6} {'ms/1k nodes':>12}")
        rows = []
        for n in sizes:
            mib, load, wall, py, pack = measure(args.tool, n, args.runs, tmp)
            rows.append((n, load, py))
            print(f"{n:7d} {mib:5.1f} {load:6.0f} ms {wall:6.0f} ms {py:7.0f} ms {load / py:5.2f}x {load / n * 1000:9.1f}")
            if args.keep:
                print(f"        kept in {pack}")
        big = [r for r in rows if r[0] == 10000] or rows[-1:]
        n, load, py = big[0]
        print(f"targets: the {n}-node pack in at most 1.5x json.load ({load / py:.2f}x: "
              f"{'ok' if load / py <= 1.5 else 'OVER TARGET'}); load < {TARGET_S:.1f} s "
              f"({'ok' if load / 1000 < TARGET_S else 'OVER TARGET'}); time per node about the same at every size "
              f"(linear growth)")
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
