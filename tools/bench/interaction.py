#!/usr/bin/env python3
"""Interaction benchmark, issue 9 (prints figures; not a timed test).

Under Xvfb at 1920x1080 with Mesa llvmpipe it replays one input chain with xdotool: 5 rounds of 16 mouse
moves 45 ms apart, then a click, one round per second (5 s). It runs the chain against the kiosk on its
start screen and on a quiz screen, and against the bare SDL2 + ImGui window (the floor). It prints:
  - CPU seconds of the process during the 5 s chain,
  - CPU seconds in the 2 s after it,
  - CPU seconds over 10 s of idle after that,
  - frames drawn and skipped (kiosk --frame-stats; a run without the chain is subtracted),
  - the X server's CPU during the chain, for reference (it copies every swapped frame).

The chain, one round a second: 12 moves of 4 px over plain background; a move onto a button and one of 4 px on
it (hover on); a move onto the widget to click and one of 4 px on it (hover off, maybe on); a click there.
The next round's first move goes back to the background.
  start screen: the attract screen, where a tap anywhere starts. Nothing on it reacts to hover (a language
                button, when a start screen has one, is crossed instead), the moves stay on background and the
                click is a RIGHT click on background, which the screen ignores: all 5 rounds stay on it.
  quiz screen:  "Ken je rechten", question 1: the chain crosses answer 2 and clicks answer 1 (left button). The
                first click selects it (the screen changes: selected, Check enabled); the next four change nothing.
  role-play:    "Vage afwijzing" with its first decision preceded by twelve of its own lines (a copy in the
                temporary pack): each round clicks "Verder" twice, so the 5 s chain reveals ten lines, each one
                scrolling the conversation as a chat does; the chain crosses "Opnieuw" each round.
  lesson:       "Je stage begint": each round scrolls the page down twice with the wheel, then clicks "Verder"
                to the next page (pages 2 to 6); the chain crosses "Sluiten" each round.
  bare window:  moves around the centre, crosses and clicks its "Start" button, which does nothing.

Positions are not hard-coded. The kiosk first runs a script (same size and options) that hovers and clicks the
widgets and takes screenshots; then the real kiosk runs with the pointer in a corner, and what differs between
its screen and the script's "hovering W" shot is W. Every click on the way to a screen is checked against the
script's screenshot. The quiz, role-play and lesson cards are put first in a temporary copy of the pack's module
list, so they show without scrolling; the content is otherwise the shipped one. The kiosk runs with --mode workshop (Start leads
straight to the modules) and --windowed 1920x1080: a fullscreen kiosk ignores window-close, so SIGTERM (how a
run ends, to print --frame-stats) would not end it. --fullscreen measures fullscreen, without frame counts.

Pointer moves use `xdotool mousemove_relative` (XTest). `xdotool mousemove X Y` warps the pointer
(XWarpPointer), which produces no XInput2 raw event; SDL 2.26 then keeps returning a stale position from
SDL_GetGlobalMouseState, which ImGui 1.86's SDL backend reads on X11, so hover would never change.

Usage: python3 tools/bench/interaction.py [BUILD_DIR] [--runs N] [--fullscreen] [--keep DIR] [--only NAME]
Runs its own Xvfb on a free display unless DISPLAY is already set. About 5 minutes with --runs 3 (the default).
--keep DIR keeps the screenshots and the content copy in DIR.
"""
import argparse, json, os, re, shutil, signal, statistics, subprocess, sys, tempfile, time

ROUNDS, MOVES, MOVE_GAP_S, ROUND_S = 5, 16, 0.045, 1.0
AFTER_S, IDLE_S = 2.0, 10.0
W, H = 1920, 1080
TARGET_CHAIN, TARGET_AFTER, TARGET_IDLE = 0.30, 0.05, 0.05

cli = argparse.ArgumentParser(description="Interaction benchmark (issue 9)")
cli.add_argument("build", nargs="?", default="build")
cli.add_argument("--runs", type=int, default=3)
cli.add_argument("--fullscreen", action="store_true")
cli.add_argument("--keep")
cli.add_argument("--only", help="measure only the kiosk screens whose names contain this (the floor always runs)")
opts = cli.parse_args()
build, runs, fullscreen, keep = opts.build, opts.runs, opts.fullscreen, opts.keep
source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
kiosk_bin = os.path.join(build, "kiosk/stageboost")
bare_bin = os.path.join(build, "tools/bench/bare_window")
for b in (kiosk_bin, bare_bin):
    if not os.access(b, os.X_OK):
        sys.exit(f"interaction.py: {b} is missing; build the targets stageboost and bare_window first")
for tool in ("Xvfb", "xdotool", "convert", "compare", "import"):
    if not shutil.which(tool):
        sys.exit(f"interaction.py: needs {tool} (packages xvfb, xdotool, imagemagick)")

work = keep or tempfile.mkdtemp(prefix="sb-interaction-")
os.makedirs(work, exist_ok=True)
env = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1",
           # The kiosk keeps its config and log in the XDG folders: give it empty ones of its own.
           XDG_CONFIG_HOME=os.path.join(work, "config"), XDG_DATA_HOME=os.path.join(work, "data"))

xvfb = None
if not os.environ.get("DISPLAY"):
    # -displayfd: Xvfb picks a free display and says which. -noreset: otherwise it resets (pointer back to the
    # centre) whenever its last client leaves.
    rfd, wfd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(wfd), "-screen", "0", f"{W}x{H}x24", "-nolisten", "tcp",
                             "-noreset"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(wfd,))
    os.close(wfd)
    with os.fdopen(rfd) as f:
        env["DISPLAY"] = ":" + f.readline().strip()


def sh(cmd, **kw):
    return subprocess.run(cmd, env=env, capture_output=True, text=True, **kw)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def xdo(*words):
    sh(["xdotool", *[str(w) for w in words]], check=True)


def pointer():
    out = sh(["xdotool", "getmouselocation"], check=True).stdout
    m = re.search(r"x:(-?\d+) y:(-?\d+)", out)
    return int(m.group(1)), int(m.group(2))


def park(x, y):
    """Puts the pointer at x,y so that SDL sees it: a warp to 1 px left of it, then a 1 px XTest move."""
    xdo("mousemove", x - 1, y)
    xdo("mousemove_relative", "--", 1, 0)


def grab(path):
    sh(["import", "-window", "root", path], check=True)


def differing_fraction(a, b):
    r = sh(["compare", "-metric", "AE", "-fuzz", "10%", a, b, "null:"])
    return float(r.stderr.split()[0]) / (W * H)


def changed_rects(a, b):
    """Connected regions (w, h, x, y, area) that differ between two screenshots, largest first."""
    r = sh(["convert", a, b, "-compose", "difference", "-composite", "-colorspace", "gray", "-threshold", "1%",
            "-define", "connected-components:verbose=true", "-define", "connected-components:area-threshold=30",
            "-connected-components", "8", "null:"], check=True)
    rects = []
    for line in r.stdout.splitlines():
        m = re.match(r"\s*\d+: (\d+)x(\d+)\+(\d+)\+(\d+) \S+ (\d+) (\S+)", line)
        if m and ("255" in m.group(6) or "white" in m.group(6)):
            rects.append(tuple(int(v) for v in m.groups()[:5]))
    return sorted(rects, key=lambda r: -r[4])


def uniform(img, x, y, half=48):
    r = sh(["convert", img, "-crop", f"{2 * half}x{2 * half}+{x - half}+{y - half}", "+repage", "-unique-colors",
            "-format", "%w", "info:"], check=True)
    return r.stdout.strip() == "1"


# ---------------------------------------------------------------- the kiosk's screens, found by script

FIRST = ("ken-je-rechten", "roleplay-vage-afwijzing", "lesson-je-stage-begint")
OPENING_LINES = 12


def long_opening(pack_dir):
    """Gives the role-play's start node twelve of the story's own unconditional lines, so ten clicks on "Verder"
    each reveal one before the first decision."""
    path = os.path.join(pack_dir, "roleplay-vage-afwijzing.json")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        story = json.load(f)
    lines = [dict(l) for n in story["nodes"] for l in n.get("lines", []) if "if" not in l
             and isinstance(l.get("text"), dict)]
    start = next(n for n in story["nodes"] if n["id"] == story["start"])
    start["lines"] = (lines * 2)[:OPENING_LINES]
    with open(path, "w", encoding="utf-8") as f:
        json.dump(story, f, ensure_ascii=False, indent=2)


def pack_copy():
    """The shipped content with the quiz first in its pack's module list: its card then shows without scrolling."""
    dst = os.path.join(work, "content")
    shutil.rmtree(dst, ignore_errors=True)
    os.makedirs(dst)
    for name in os.listdir(os.path.join(source, "content")):
        src = os.path.join(source, "content", name)
        # Copies, not links: the loader refuses files whose real path is outside their pack.
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dst, name))
        else:
            shutil.copy(src, dst)
        if not os.path.exists(os.path.join(src, "pack.json")):
            continue
        with open(os.path.join(src, "pack.json"), encoding="utf-8") as f:
            pack = json.load(f)
        mods = pack.get("modules", [])
        first = [m for key in FIRST for m in mods if key in m]
        pack["modules"] = first + [m for m in mods if m not in first]
        long_opening(os.path.join(dst, name))
        with open(os.path.join(dst, name, "pack.json"), "w", encoding="utf-8") as f:
            json.dump(pack, f, ensure_ascii=False, indent=2)
    return dst


CONTENT = pack_copy()
KIOSK_ARGS = ["--mode", "workshop", "--seed", "1", "--content", CONTENT]
WINDOW_ARGS = [] if fullscreen else ["--windowed", f"{W}x{H}"]

# name: (widgets to click to get there, the button the chain crosses, the widget it clicks, the mouse button,
#        the screen's name for the script's expect-screen[, clicks per round, wheel steps down before them]).
# A widget that is not there is replaced by plain background.
SCREENS = {
    # The attract screen starts on a tap anywhere: the click is a right click on background, which it ignores.
    "start screen": ([], "lang-en", None, 3, "start"),
    # Cross answer 2 each round; click answer 1 (selected by the first click; the other four change nothing).
    "quiz screen": (["start", "module-ken-je-rechten"], "option-2", "option-1", 1, "quiz"),
    # Two clicks on "Verder" a round: ten lines revealed in 5 s, each scrolling the conversation.
    "role-play": (["start", "module-vage-afwijzing", "begin"], "restart", "next", 1, "roleplay", 2, 0),
    # Two wheel steps down the page, then "Verder" to the next page.
    "lesson": (["start", "module-je-stage-begint"], "close", "next", 1, "lesson", 1, 2),
}
CORNER = (2, H - 3)  # the root window's padding: no widget is ever here


def largest_change(a, b, min_area=800):
    rects = [r for r in changed_rects(a, b) if r[4] >= min_area]
    return rects[0][:4] if rects else None  # (w, h, x, y)


def centre(rect):
    w, h, x, y = rect
    return x + w // 2, y + h // 2


def explore(name, nav, widgets, screen):
    """Finds where to click to reach the screen, the widgets there (id -> rect), and plain background.

    The kiosk runs a script that hovers and clicks each widget and takes screenshots. Then the real kiosk runs
    with the pointer in a corner: what differs between its screen and the script's "hovering W" shot is W."""
    shots = os.path.join(work, "shots", name.replace(" ", "-"))
    os.makedirs(shots, exist_ok=True)
    lines = []
    for k, wid in enumerate(nav):
        lines += [f"move {wid}", f"screenshot nav{k}_hover.png", f"click {wid}", f"screenshot nav{k}_after.png"]
    lines += [f"expect-screen {screen}", "screenshot here.png"]
    for k, wid in enumerate(widgets):  # a missing widget ends the script: the ones before it are done
        lines += [f"move {wid}", f"screenshot hover{k}.png"]
    script = os.path.join(shots, "find.script")
    with open(script, "w") as f:
        f.write("\n".join(lines) + "\n")
    r = sh([kiosk_bin, *KIOSK_ARGS, "--windowed", f"{W}x{H}", "--script", script, "--shots", shots], timeout=120)
    if not os.path.exists(os.path.join(shots, "here.png")):
        sys.exit(f"interaction.py: could not reach the {name} in script mode:\n{r.stdout}{r.stderr}")

    p = subprocess.Popen([kiosk_bin, *KIOSK_ARGS, *WINDOW_ARGS], env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    try:
        time.sleep(2.0)
        points = []
        for k, wid in enumerate(nav):
            park(*CORNER)
            time.sleep(0.4)
            base = os.path.join(shots, f"nav{k}_real.png")
            grab(base)
            rect = largest_change(base, f"{shots}/nav{k}_hover.png")
            # Nothing changes colour under the pointer: a whole-screen "tap anywhere"; the script taps its centre.
            points.append((wid, centre(rect) if rect else (W // 2, H // 2), f"{shots}/nav{k}_after.png"))
            click_and_check(*points[-1])
        park(*CORNER)
        time.sleep(0.4)
        base = os.path.join(shots, "here_real.png")
        grab(base)
        found = {}
        for k, wid in enumerate(widgets):
            shot = f"{shots}/hover{k}.png"
            rect = os.path.exists(shot) and largest_change(base, shot)
            if not rect:
                continue
            park(*centre(rect))
            time.sleep(0.4)
            grab(os.path.join(shots, "hover_real.png"))
            if differing_fraction(os.path.join(shots, "hover_real.png"), shot) > 0.002:
                print(f"  (warning: hovering {wid} with xdotool does not show what the script shows)")
            found[wid] = rect
            park(*CORNER)
            time.sleep(0.4)
        # Plain background: a 96x96 square of one colour, away from the widgets, nearest the bottom middle.
        bg = None
        for x, y in sorted(((x, y) for x in range(96, W - 96, 48) for y in range(96, H - 96, 48)),
                           key=lambda q: abs(q[0] - W / 2) + abs(q[1] - H * 0.85)):
            if any(rx - 80 < x < rx + w + 80 and ry - 80 < y < ry + h + 80 for w, h, rx, ry in found.values()):
                continue
            if uniform(base, x, y):
                bg = (x, y)
                break
        if not bg:
            sys.exit(f"interaction.py: no plain background on the {name}")
    finally:
        p.terminate()
        try:
            p.wait(5)
        except subprocess.TimeoutExpired:
            p.kill()
    return points, found, bg


def click_and_check(wid, point, expected):
    park(*point)
    xdo("click", 1)
    time.sleep(0.5)
    # Away from the next screen's widgets: the script's shot shows no hover, and the pointer left where the
    # widget was may now lie on one (a quiz option under the card just clicked).
    park(*CORNER)
    time.sleep(0.4)
    shot = os.path.join(work, "real.png")
    grab(shot)
    diff = differing_fraction(shot, expected)
    if diff > 0.02:
        raise RuntimeError(f"after clicking {wid} at {point} the screen is not what the script showed "
                           f"({diff:.1%} of pixels differ; compare {shot} with {expected}; --keep DIR keeps them)")


# ---------------------------------------------------------------- one run

def chain(bg, cross, click, button, clicks=1, wheel=0):
    """5 rounds of 1 s: 12 moves of 4 px over background; onto the button to cross and 4 px on it; onto the
    widget to click and 4 px on it; a click there. Without a button or widget those moves stay on background."""
    t0 = time.monotonic()
    pos = bg
    cross = cross or (bg[0] + 12, bg[1])
    click = click or (bg[0] + 12, bg[1] + 8)
    for rnd in range(ROUNDS):
        path = [(bg[0] + dx, bg[1] + dy) for dx, dy in
                ((4, 0), (8, 0), (8, 4), (8, 8), (4, 8), (0, 8), (-4, 8), (-8, 8), (-8, 4), (-8, 0), (-4, 0), (0, 0))]
        path += [cross, (cross[0] + 4, cross[1]), click, (click[0] + 4, click[1])]
        assert len(path) == MOVES
        words = []
        for x, y in path:
            words += ["mousemove_relative", "--", x - pos[0], y - pos[1], "sleep", MOVE_GAP_S]
            pos = (x, y)
        words += ["click", 5] * wheel  # wheel steps down (X button 5) over the page before the click
        for k in range(clicks):
            words += (["sleep", 0.4] if k else []) + ["click", button]
        xdo(*words)
        time.sleep(max(0.0, t0 + (rnd + 1) * ROUND_S - time.monotonic()))
    end = pointer()
    if end != pos:
        print(f"  (warning: the pointer ended at {end}, expected {pos}: xdotool moves are accelerated?)")


def measure(cmd, navigate, bg, cross, click, button, with_chain=True, clicks=1, wheel=0):
    """Starts cmd, navigates, parks the pointer, runs the chain; returns (chain, after, idle, xserver, frames)."""
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        time.sleep(2.0)  # start-up and first frames
        navigate()
        park(*bg)
        time.sleep(1.5)  # the frames after the last input settle
        x0, c0 = (cpu_seconds(xvfb.pid) if xvfb else 0.0), cpu_seconds(p.pid)
        if with_chain:
            chain(bg, cross, click, button, clicks, wheel)
        else:
            time.sleep(ROUNDS * ROUND_S)
        x1, c1 = (cpu_seconds(xvfb.pid) if xvfb else 0.0), cpu_seconds(p.pid)
        time.sleep(AFTER_S)
        c2 = cpu_seconds(p.pid)
        time.sleep(IDLE_S)
        c3 = cpu_seconds(p.pid)
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            out = p.communicate(timeout=5)[0]
        except subprocess.TimeoutExpired:  # a fullscreen kiosk ignores SIGTERM
            p.kill()
            out = p.communicate()[0]
    m = re.search(r"frames-drawn (\d+) frames-skipped (\d+)", out or "")
    frames = (int(m.group(1)), int(m.group(2))) if m else None
    return c1 - c0, c2 - c1, c3 - c2, x1 - x0, frames


def kiosk_navigator(points):
    def navigate():
        for step in points:
            click_and_check(*step)
    return navigate


def main():
    print(f"Interaction cost: Xvfb {W}x{H}, llvmpipe, {ROUNDS} x {MOVES} moves {int(MOVE_GAP_S * 1000)} ms apart "
          f"+ a click, {ROUNDS * ROUND_S:.0f} s; medians of {runs} runs", flush=True)
    rows = []
    for name, (nav, cross_id, click_id, button, screen, *more) in SCREENS.items():
        if opts.only and opts.only not in name:
            continue
        clicks, wheel = (more + [1, 0])[:2] if more else (1, 0)
        points, found, bg = explore(name, nav, [w for w in (cross_id, click_id) if w], screen)
        cross = centre(found[cross_id]) if cross_id in found else None
        click = centre(found[click_id]) if click_id in found else None
        what = (f"crosses {cross_id} at {cross}" if cross else "crosses nothing that reacts to hover") + "; " + \
               (f"clicks {click_id} at {click}" if click else "clicks background") + \
               f" with mouse button {button}"
        cmd = [kiosk_bin, *KIOSK_ARGS, *WINDOW_ARGS, "--frame-stats"]
        nav_fn = kiosk_navigator(points)
        print(f"  {name}: background at {bg}; {what}", flush=True)
        results = [measure(cmd, nav_fn, bg, cross, click, button, clicks=clicks, wheel=wheel) for _ in range(runs)]
        base = measure(cmd, nav_fn, bg, cross, click, button, with_chain=False)
        rows.append((name, results, base))
    # The bare window: a "Hello" line and a "Start" button at the top left (ImGui's default style).
    print("  bare window: crosses and clicks its Start button at (29, 34) with mouse button 1", flush=True)
    bare = [measure([bare_bin], lambda: None, (W // 2, H // 2), (29, 34), (29, 34), 1) for _ in range(runs)]
    rows.append(("bare window (floor)", bare, None))

    def med(results, i):
        return statistics.median(r[i] for r in results)

    print()
    print(f"{'':22} {'chain 5 s':>10} {'2 s after':>10} {'idle 10 s':>10}   {'frames drawn / skipped':>24} "
          f"{'X server':>9}")
    for name, results, base in rows:
        frames = "n/a"
        if results[0][4]:
            d = statistics.median(r[4][0] for r in results if r[4])
            s = statistics.median(r[4][1] for r in results if r[4])
            if base and base[4]:
                frames = f"{d - base[4][0]:.0f} / {s - base[4][1]:.0f} (+{base[4][0]} / {base[4][1]} base)"
            else:
                frames = f"{d:.0f} / {s:.0f}"
        elif name.startswith("bare"):
            frames = "all drawn (3 per event)"
        else:
            frames = "n/a (SIGTERM ignored)"
        xserver = f"{med(results, 3):7.2f} s" if xvfb else "n/a"
        print(f"{name:22} {med(results, 0):8.2f} s {med(results, 1):8.2f} s {med(results, 2):8.2f} s   "
              f"{frames:>24} {xserver:>9}")
    print(f"Targets (kiosk): chain <= {TARGET_CHAIN} CPU-s, 2 s after <= {TARGET_AFTER} CPU-s, "
          f"idle < {TARGET_IDLE} CPU-s per 10 s.")
    ok = True
    for name, results, _ in rows[:-1]:
        for i, limit, what in ((0, TARGET_CHAIN, "chain"), (1, TARGET_AFTER, "after"), (2, TARGET_IDLE, "idle")):
            if med(results, i) > limit:
                ok = False
                print(f"  MISSED: {name} {what} {med(results, i):.2f} CPU-s > {limit}")
    print("All targets met." if ok else "Some targets missed.")
    print("Frames: the kiosk's --frame-stats over the whole run, minus a run that waits instead of replaying "
          "the chain (base = start-up and navigation).")


try:
    main()
finally:
    if xvfb:
        xvfb.terminate()
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
