#!/usr/bin/env python3
"""A workshop as the room would run it, without the kiosk: 30 phones over 127.0.0.1 join by the room code,
answer the before check, vote at two role-play decisions, answer a multiple-choice and an ordering quiz
question, answer the after check. The room's snapshot (what
the kiosk reads), each phone's own stream, and the anonymous log agree with what was sent, and
`stageboost-log report` pairs the 30 sessions.

    tests/room_workshop_test.py ROOM_HOST LOG_TOOL
"""
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "room"))
from phones import Host, Phone, request  # noqa: E402

PHONES = 30
failures = []


def check(condition, what):
    print(("ok:   " if condition else "FAIL: ") + what)
    if not condition:
        failures.append(what)


def parallel(items, fn):
    errors = []

    def run(x):
        try:
            fn(x)
        except Exception as e:  # reported below; a thread's exception would otherwise vanish
            errors.append(repr(e))

    threads = [threading.Thread(target=run, args=(x,)) for x in items]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(not errors, f"every phone's requests went through ({errors[:2]})")


def main():
    host_bin, log_tool = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix="room-workshop-")
    log_path = os.path.join(tmp, "confidence.sqlite")
    host = Host(host_bin, "--log", log_path, "--kiosk", "lokaal-test", "--heartbeat-ms", "2000")
    try:
        run(host, log_path, log_tool)
    finally:
        host.close()
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("room workshop test: all checks passed")


def run(host, log_path, log_tool):
    code = host.code
    check(re.fullmatch(r"[A-Z0-9]{4}", code) is not None, f"a short room code ({code})")
    phones = [Phone(host.port, code) for _ in range(PHONES)]

    # ---- joining: the code as typed on a phone (lowercase) works; each phone gets its own token
    def join(p):
        p.code = code.lower() if phones.index(p) % 2 else code
        status, _ = p.join()
        assert status == 200, status
        p.open_stream()

    parallel(phones, join)
    tokens = {p.token for p in phones}
    check(len(tokens) == PHONES and all(re.fullmatch(r"[0-9a-f]{32}", t) for t in tokens), "30 different tokens")
    snap = host.cmd(f"wait connected {PHONES} 10000")
    check(snap["ok"] and snap["participants"] == PHONES, f"the screen counts 30 phones ({snap['participants']})")
    status, data, _ = request(host.port, "POST", "/api/join", {"room": "ZZZZ"})
    check(status == 403 and data["error"] == "wrong-room", "a wrong room code is refused")

    # ---- the before check
    opened = host.cmd("open check pre")
    check(opened["ok"], "the trainer opens the before check")
    q_pre, n_items = opened["question"], opened["items"]
    for p in phones:
        p.wait_view(lambda v: v["question"] and v["question"]["id"] == q_pre and v["state"] == "open")
    check(True, "every phone's stream shows the before check")
    pre = {}

    def answer_pre(i):
        p = phones[i]
        for k in range(n_items):
            value = None if (i == 0 and k == 0) else 1 + (i + k) % (2 + k)  # distinct means per statement
            if i == 1:  # changes their mind: the change replaces the first answer
                p.answer(q_pre, k, 5)
            aid = f"pre-{i}-{k}"
            s, d, _ = p.answer(q_pre, k, value, answer_id=aid)
            assert s == 200 and d["status"] == "saved", (s, d)
            if i == 2:  # a retry of the same tap (a lost response): nothing changes
                s, d, _ = p.answer(q_pre, k, value, answer_id=aid, seq=p.seq)
                assert d["status"] == "same", d
            if i == 3:  # a late retry of an older tap arrives after the newer one: ignored
                s, d, _ = p.answer(q_pre, k, 5, answer_id=f"old-{k}", seq=1)
                assert d["status"] == "stale", d
            pre[(i, k)] = value

    parallel(range(PHONES), answer_pre)
    snap = host.cmd(f"wait answered {PHONES} 10000")
    check(snap["ok"] and snap["answered"] == PHONES, "the screen shows 30 answered (and nothing more)")
    check(snap["counters"]["duplicates"] == n_items and snap["counters"]["stale"] == n_items,
          f"retries were not counted twice ({snap['counters']})")
    for k in range(n_items):
        expected = [0] * 5
        dk = 0
        for i in range(PHONES):
            if pre[(i, k)] is None:
                dk += 1
            else:
                expected[pre[(i, k)] - 1] += 1
        t = snap["tallies"][k]
        check(t["answers"] == PHONES and t["counts"] == expected and t["dontKnow"] == dk,
              f"statement {k + 1}: the tally is what was sent ({t['counts']} / {expected})")
    # A phone that reloads gets its own answers back, and only its own.
    s, v, _ = phones[1].state()
    check(s == 200 and [m["value"] for m in v["mine"]] == [pre[(1, k)] for k in range(n_items)],
          "after a reload a phone sees its own (changed) answers")
    check(phones[5].token not in json.dumps(v), "a view never carries a token")
    host.cmd("close")
    s, d, _ = phones[4].answer(q_pre, 0, 4)
    check(s == 409 and d["error"] == "closed", "an answer after the close is refused (409)")

    # ---- two votes at role-play decisions
    votes = []
    for node, final_of in (("start", lambda i: i % 3), ("twijfel", lambda i: 0 if i < 20 else 1)):
        opened = host.cmd(f"open vote meisjesnaam {node}")
        check(opened["ok"] and opened["options"] == 3, f"a vote at decision {node}")
        q = opened["question"]
        for p in phones:
            p.wait_view(lambda v, q=q: v["question"] and v["question"]["id"] == q)

        def vote(i, q=q, final_of=final_of):
            if i < 5:
                phones[i].answer(q, 0, 2)  # first a different option, then the final one
            s, d, _ = phones[i].answer(q, 0, final_of(i))
            assert s == 200, (s, d)

        parallel(range(PHONES), vote)
        snap = host.cmd(f"wait answered {PHONES} 10000")
        expected = [0, 0, 0]
        for i in range(PHONES):
            expected[final_of(i)] += 1
        check(snap["tallies"][0]["counts"] == expected, f"vote {node}: the spread is what was sent ({expected})")
        host.cmd("reveal")
        seen = [p.wait_view(lambda v, q=q: v["question"]["id"] == q and v["state"] == "revealed") for p in phones]
        check(all(v["tally"][0]["counts"] == expected for v in seen), f"vote {node}: every phone sees the same spread")
        votes.append(expected)

    # ---- a multiple-choice and an ordering quiz question, answered privately (never logged)
    opened = host.cmd("open quiz ken-je-rechten gronden-awgb")
    check(opened["ok"] and opened["options"] >= 3, "a multiple-choice quiz question on phones")
    q, n = opened["question"], opened["options"]
    seen = [p.wait_view(lambda v, q=q: v["question"] and v["question"]["id"] == q) for p in phones]
    check(all(v["question"]["answer"] == "several" for v in seen), "the phones are told to send a set")

    def several(i, q=q, n=n):
        if i < 5:
            s, d, _ = phones[i].answer(q, 0, [])
            assert s == 400 and "at least one" in d["message"], (s, d)
            phones[i].answer(q, 0, [0])  # then changed to the final set
        s, d, _ = phones[i].answer(q, 0, sorted({i % n, (i + 1) % n}))
        assert s == 200, (s, d)

    parallel(range(PHONES), several)
    snap = host.cmd(f"wait answered {PHONES} 10000")
    expected = [0] * n
    for i in range(PHONES):
        for o in {i % n, (i + 1) % n}:
            expected[o] += 1
    check(snap["tallies"][0]["counts"] == expected, f"multiple choice: how many ticked each option ({expected})")
    host.cmd("reveal")
    v = phones[3].wait_view(lambda v, q=q: v["question"]["id"] == q and v["state"] == "revealed")
    check(v["tally"][0]["counts"] == expected and v["mine"][0]["value"] == [3, 4],
          "a phone sees the same spread and its own final set")

    opened = host.cmd("open quiz ken-je-rechten college-stappen")
    check(opened["ok"] and opened["options"] >= 3, "an ordering quiz question on phones")
    q, n = opened["question"], opened["options"]
    for p in phones:
        p.wait_view(lambda v, q=q: v["question"] and v["question"]["id"] == q)
    # The host opens it reversed (no screen order), so the right order on the phone is n-1 .. 0.
    right, start = list(range(n - 1, -1, -1)), list(range(n))

    def order(i, q=q):
        if i % 6 == 0:
            s, d, _ = phones[i].answer(q, 0, start[:-1])
            assert s == 400 and "every option once" in d["message"], (s, d)
        s, d, _ = phones[i].answer(q, 0, right if i < 12 else start)
        assert s == 200, (s, d)

    parallel(range(PHONES), order)
    snap = host.cmd(f"wait answered {PHONES} 10000")
    t = snap["tallies"][0]
    check(t["shown"] and t["answers"] == PHONES, "the order's spread shows from 30 answers")
    host.cmd("reveal")
    v = phones[0].wait_view(lambda v, q=q: v["question"]["id"] == q and v["state"] == "revealed")
    tally = v["tally"][0]
    check(tally["exact"] == 12, f"12 of 30 had the whole order right ({tally.get('exact')})")
    check(tally["positions"][0][n - 1] == 12 and tally["positions"][0][0] == 18,
          f"place 1: what each phone put there ({tally['positions'][0]})")
    check(set(v["question"]) == {"id", "kind", "answer", "title", "note", "options", "items"} and
          set(tally) == {"answers", "shown", "positions", "exact"}, "the right order never reaches a phone")

    # ---- a small group: fewer than 5 answers show no spread, on the screen or on phones
    opened = host.cmd("open experienced")
    q = opened["question"]
    for i in range(4):
        phones[i].answer(q, 0, 0)
    snap = host.cmd("wait answered 4 5000")
    check(snap["tallies"][0]["shown"] is False and snap["tallies"][0]["counts"] == [],
          "4 answers to 'zelf meegemaakt': no spread at all")
    host.cmd("reveal")
    v = phones[10].wait_view(lambda v, q=q: v["question"]["id"] == q and v["state"] == "revealed")
    check(v["tally"][0]["shown"] is False and "counts" not in v["tally"][0], "nor on a phone after the reveal")

    # ---- the after check (with "looking back" statements)
    opened = host.cmd("open check post")
    q_post, n_post = opened["question"], opened["items"]
    check(n_post == 2 * n_items, f"the after check asks {n_items} statements and {n_items} looking back")
    post = {}

    def answer_post(i):
        for k in range(n_post):
            base = pre[(i, k % n_items)] or 3
            value = min(5, base + 1 + i % 2) if k < n_items else max(1, base - i % 2)
            s, d, _ = phones[i].answer(q_post, k, value)
            assert s == 200, (s, d)
            post[(i, k)] = value
            # At a student's pace: by now a phone has used most of its answer burst (RateLimit answers{20, 4}),
            # and on a quiet machine eight answers in a row would outrun the refill.
            time.sleep(0.3)

    parallel(range(PHONES), answer_post)
    host.cmd(f"wait answered {PHONES} 10000")
    done = host.cmd("finish")
    check("ok" in done and done["ok"], "the workshop ends")
    s, d, _ = phones[0].state()
    check(s == 403, "after the end the room knows no token any more")

    # ---- the log: one anonymous session per phone, and nothing else
    db = sqlite3.connect(log_path)
    rows = db.execute("select session_id, item_id, phase, value, kiosk from answers").fetchall()
    sessions = {r[0] for r in rows}
    check(len(rows) == PHONES * (n_items + n_post), f"the log holds every final answer once ({len(rows)})")
    check(len(sessions) == PHONES, f"30 sessions in the log ({len(sessions)})")
    check(not (sessions & tokens), "no token is a session id")
    raw = open(log_path, "rb").read()
    for name in os.listdir(os.path.dirname(log_path)):
        raw += open(os.path.join(os.path.dirname(log_path), name), "rb").read()
    check(not any(t.encode() in raw for t in tokens), "no token anywhere in the log files")
    check(b"127.0.0.1" not in raw, "no address in the log files")
    check(all(r[4] == "lokaal-test" for r in rows), "the kiosk label is the host's")

    out = subprocess.run([log_tool, "report", log_path, "--format", "json", "--by", "none"], capture_output=True,
                         text=True)
    check(out.returncode == 0, f"stageboost-log report runs ({out.stderr.strip()})")
    report = json.loads(out.stdout)
    items = {i["item"]: i for i in report["items"]}
    item_ids = [r[0] for r in db.execute("select distinct item_id from answers")]
    check(len(items) == n_items, f"the report has {n_items} statements")
    for k in range(n_items):
        # Which item id is statement k: the one whose before answers match what was sent for k.
        ks = [(i, pre[(i, k)]) for i in range(PHONES) if pre[(i, k)] is not None]
        befores = [v for _, v in ks]
        afters = [post[(i, k)] for i, _ in ks]
        mean_before, mean_after = sum(befores) / len(befores), sum(afters) / len(afters)
        match = [it for it in items.values()
                 if abs(it["total"]["meanBefore"] - mean_before) < 1e-9 and abs(it["total"]["meanAfter"] - mean_after) < 1e-9]
        check(len(match) >= 1 and match[0]["total"]["participants"] == len(ks),
              f"statement {k + 1}: {len(ks)} pairs, before {mean_before:.2f}, after {mean_after:.2f}")
    check(all(it["total"]["participants"] >= PHONES - 1 for it in items.values()), "the report pairs the 30 sessions")
    # One "weet ik niet" is left out of its pair, and (fewer than 5) never released as a count of its own.
    check(all(it["total"].get("dontKnowExcluded", 0) == 0 for it in items.values()),
          "a single 'weet ik niet' is not released as a count")
    for p in phones:
        p.close_stream()
    print(f"votes: {votes}; item ids: {item_ids}")


if __name__ == "__main__":
    main()
