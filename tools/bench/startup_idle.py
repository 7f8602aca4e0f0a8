#!/usr/bin/env python3
"""Start-up and idle benchmark (prints figures; not a timed test).

For the kiosk and for a bare SDL2 + ImGui window built from the same packages (the floor), under Xvfb at
1920x1080 with Mesa llvmpipe, it prints:
  - time from process start to the first frame, and to the first frame with the pack's content (medians),
  - peak RSS,
  - CPU seconds over 10 s of idle after start.

Usage: python3 tools/bench/startup_idle.py [BUILD_DIR] [--runs N] [--idle SECONDS]
Runs its own Xvfb unless DISPLAY is already set.
"""
import os, resource, shutil, statistics, subprocess, sys, time

args = [a for a in sys.argv[1:] if not a.startswith("--")]
build = args[0] if args else "build"
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 7
idle_s = float(sys.argv[sys.argv.index("--idle") + 1]) if "--idle" in sys.argv else 10.0
kiosk = [os.path.join(build, "kiosk/stageboost")]
bare = [os.path.join(build, "tools/bench/bare_window")]

xvfb = None
if not os.environ.get("DISPLAY"):
    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = display
    time.sleep(1.0)


def frame_ms(cmd):
    """(first frame, first frame with the content) in ms from process start; the bare window's first frame
    is all it shows."""
    t0 = time.time_ns()
    out = subprocess.run(cmd + ["--exit-after-first-frame"], capture_output=True, text=True, check=True).stdout
    at = {l.split()[0]: (int(l.split()[1]) - t0) / 1e6 for l in out.splitlines() if "-realtime-ns" in l}
    first = at["first-frame-realtime-ns"]
    return first, at.get("content-frame-realtime-ns", first)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def idle(cmd):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2.0)  # past start-up and the first frames
    c0 = cpu_seconds(p.pid)
    time.sleep(idle_s)
    c1 = cpu_seconds(p.pid)
    rss = peak_rss_mb(p.pid)
    p.terminate()
    try:
        p.wait(5)
    except subprocess.TimeoutExpired:
        p.kill()
    return c1 - c0, rss


try:
    results = {}
    for name, cmd in (("bare window", bare), ("stageboost", kiosk)):
        frame_ms(cmd)  # warm the file cache
        times = [frame_ms(cmd) for _ in range(runs)]
        ff = statistics.median(t[0] for t in times)
        content = statistics.median(t[1] for t in times)
        cpu, rss = idle(cmd)
        results[name] = (ff, content, rss, cpu)
    print(f"{'':14} {'first frame':>12} {'content':>10} {'peak RSS':>10} {'idle CPU/' + str(int(idle_s)) + 's':>14}")
    for name, (ff, content, rss, cpu) in results.items():
        print(f"{name:14} {ff:9.0f} ms {content:7.0f} ms {rss:7.0f} MB {cpu:11.2f} s")
    b, k = results["bare window"], results["stageboost"]
    print(f"{'ratio':14} {k[0] / b[0]:11.2f}x {k[1] / b[1]:9.2f}x {k[2] / b[2]:9.2f}x")
    print("Targets: the first frame with the pack's content within 1.05x the bare window's first frame;")
    print("idle under 0.05 CPU-s per 10 s. (Medians of " + str(runs) + " runs; run on a quiet machine.)")
finally:
    if xvfb:
        xvfb.terminate()
