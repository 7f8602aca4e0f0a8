"""Simulated phones and a scripted trainer for the room tests, over 127.0.0.1 only.

Host: runs stageboost-room-host and speaks its stdin protocol (one command, one JSON line back).
Phone: joins with the room code, keeps an update stream (Server-Sent Events) open in a thread, answers
with idempotent answer ids as the page does.
"""
import http.client
import json
import os
import secrets
import subprocess
import threading
import time


class Host:
    def __init__(self, binary, *args):
        self.proc = subprocess.Popen([binary, "--port", "0", *args], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1)
        hello = json.loads(self.proc.stdout.readline())
        self.port = hello["listening"]
        self.code = hello["code"]

    def cmd(self, line):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        out = self.proc.stdout.readline()
        if not out:
            raise RuntimeError(f"the host ended after: {line}")
        return json.loads(out)

    def close(self):
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write("quit\n")
                self.proc.stdin.flush()
                self.proc.wait(timeout=15)
            except Exception:
                self.proc.kill()
                self.proc.wait()


def request(port, method, path, body=None, raw=None, timeout=10):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        headers = {"Content-Type": "application/json"} if data is not None else {}
        conn.request(method, path, body=data, headers=headers)
        res = conn.getresponse()
        text = res.read().decode("utf-8", "replace")
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = text
        return res.status, parsed, dict((k.lower(), v) for k, v in res.getheaders())
    finally:
        conn.close()


class Phone:
    def __init__(self, port, code):
        self.port = port
        self.code = code
        self.token = None
        self.seq = 0
        self.views = []  # every state event, in order
        self.cond = threading.Condition()
        self.stream = None
        self.thread = None
        self.stop = False

    def join(self, token=None):
        body = {"room": self.code}
        if token or self.token:
            body["token"] = token or self.token
        status, data, _ = request(self.port, "POST", "/api/join", body)
        if status == 200:
            self.token = data["token"]
        return status, data

    def open_stream(self):
        self.stop = False
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.request("GET", f"/api/events?room={self.code}&token={self.token}")
        res = conn.getresponse()
        if res.status != 200:
            raise RuntimeError(f"stream refused: {res.status} {res.read()!r}")
        self.stream = (conn, res)
        self.thread = threading.Thread(target=self._read, args=(res,), daemon=True)
        self.thread.start()

    def _read(self, res):
        event, data = None, []
        try:
            while not self.stop:
                line = res.fp.readline()
                if not line:
                    break
                line = line.decode("utf-8").rstrip("\n")
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].strip())
                elif line == "":
                    if event == "state" and data:
                        with self.cond:
                            self.views.append(json.loads("\n".join(data)))
                            self.cond.notify_all()
                    event, data = None, []
        except Exception:
            pass

    def close_stream(self):
        self.stop = True
        if self.stream:
            try:
                self.stream[0].sock.shutdown(2)
            except Exception:
                pass
            self.stream[0].close()
            self.stream = None

    def wait_view(self, predicate, timeout=10):
        deadline = time.time() + timeout
        with self.cond:
            while True:
                for v in reversed(self.views):
                    if predicate(v):
                        return v
                    break  # only the newest view counts
                left = deadline - time.time()
                if left <= 0:
                    raise TimeoutError(f"no such view; last: {self.views[-1] if self.views else None}")
                self.cond.wait(left)

    def answer(self, question, item, value, answer_id=None, seq=None):
        if seq is None:
            self.seq += 1
            seq = self.seq
        body = {"room": self.code, "token": self.token, "question": question, "item": item, "value": value,
                "id": answer_id or secrets.token_hex(8), "seq": seq}
        return request(self.port, "POST", "/api/answer", body)

    def state(self):
        return request(self.port, "GET", f"/api/state?room={self.code}&token={self.token}")
