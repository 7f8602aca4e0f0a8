#!/usr/bin/env python3
"""A class of simulated phones for the kiosk's GUI test: waits for the kiosk's server, joins N phones, and
answers whatever the trainer's screen makes live (checks: every statement; votes and the rest: a fixed
choice per phone; a multiple-choice quiz question: two options; an ordering: one of three orders). Runs until killed.   class_phones.py PORT CODE N"""
import sys
import threading
import time
import os

sys.path.insert(0, os.path.dirname(__file__))
from phones import Phone  # noqa: E402

port, code, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])


def run(i):
    p = Phone(port, code)
    while True:
        try:
            if p.join()[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.3)
    p.open_stream()
    answered = set()
    while True:
        try:
            v = p.wait_view(lambda v: v.get("question") and v["state"] == "open" and v["question"]["id"] not in answered,
                            timeout=3600)
        except TimeoutError:
            continue
        q = v["question"]
        answered.add(q["id"])
        time.sleep(0.05 * (i % 10))
        if q["kind"] == "check":
            for k, item in enumerate(q["items"]):
                value = 2 + (i + k) % 2 if item["phase"] == "pre" else (4 if item["phase"] == "post" else 2)
                p.answer(q["id"], k, value)
        elif q["kind"] == "experienced":
            if i < 8:
                p.answer(q["id"], 0, i % 3)
        elif q.get("answer") == "several":
            n = len(q["options"])
            p.answer(q["id"], 0, sorted({i % 2, (i * 5) % n}))  # an uneven spread, as in a class
        elif q.get("answer") == "order":
            n = len(q["options"])
            order = list(range(n))
            if i % 3 == 0:
                order.reverse()
            elif i % 3 == 1:
                order[0], order[1] = order[1], order[0]
            p.answer(q["id"], 0, order)
        else:
            p.answer(q["id"], 0, i % len(q["options"]))


for i in range(n):
    threading.Thread(target=run, args=(i,), daemon=True).start()
while True:
    time.sleep(1)
