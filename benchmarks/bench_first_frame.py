"""Time to first frame of `namndtui` against a bare Textual app of the same shape.

The bare app has what the meeting screen has: a one-line header, an OptionList with one
option per agenda item, a Static with text, a Footer. Each run is a fresh process (imports
dominate start-up); runs alternate (bare, namndtui, bare, …) so drift on a shared machine
hits both. namndtui starts as the secretary starts it, `namndtui MEETING` (cli.main: the
command line, the user's settings, the app), headless. Two figures per run, both taken the
same way for both apps:

- **first frame** (the budget): from spawn until the app hands its first complete screen
  update to the driver (`App._display` with a frame, patched in the child; headless, so
  nothing is written, but that is the moment a terminal would show it);
- **settled**: from spawn until the app has also processed every queued message and the
  CPU is idle (`pilot.pause()`), then exited – includes work deferred after the first frame.

    python benchmarks/bench_first_frame.py [--runs 15] [--items 500] [--no-bytecode-cache]
                                           [--cold-meeting-cache]

Prints the medians and ratios (budget: ≤ 1.25 on the example, ≤ 1.5 on 500 items).

Bytecode: the children run with Python's bytecode cache on, in a private temporary
PYTHONPYCACHEPREFIX (warmed by one discarded pair of runs), as an installed program runs.
Without it – e.g. under PYTHONDONTWRITEBYTECODE=1, as in this project's sandbox – every
namndtui module is compiled from source on every start (~30 ms) while Textual's cached
bytecode from site-packages is used, which measures the environment, not the app.
`--no-bytecode-cache` measures that condition anyway (the inherited environment).

Meeting cache: the children get a private XDG_CACHE_HOME, so namndtui's parse cache of
meeting.toml (docs/meeting-format.md) is warm after the warm-up pair – the normal case of
reopening a meeting. `--cold-meeting-cache` gives every namndtui run an empty one (the
first opening of a new or edited file: full TOML parse plus writing the cache entry).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from namndtui.examples import example_meeting

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = example_meeting()


def first_frame_probe(ready: str = "def _ready(screen):\n    return True\n") -> str:
    """Child code prepended to both apps of a comparison: prints the monotonic time of
    the first complete screen update for which `_ready(screen)` (defined by READY) holds."""
    return (
        "import os, time\n"
        "from textual.app import App as _App\n"
        + ready
        + """_display = _App._display
def _probe(self, screen, renderable):
    if (renderable is not None and not self._batch_count and not getattr(self, "_ff", 0)
            and _ready(screen)):
        self._ff = 1
        os.write(1, f"first-frame {time.monotonic()} {time.process_time()}\\n".encode())
    return _display(self, screen, renderable)
_App._display = _probe
"""
    )


# Prepended to both children: report the monotonic time of the first frame on stdout.
FIRST_FRAME_PROBE = first_frame_probe()

CHILD_BARE = (
    FIRST_FRAME_PROBE
    + """
import sys
from textual.app import App
from textual.widgets import Footer, OptionList, Static
n = int(sys.argv[1])
class Bare(App):
    def compose(self):
        yield Static("Nämnd · 2007-10-23 · § 120 · Beslutför 9/11", id="h")
        yield OptionList(*[f"Ärende nummer {i} med en rubrik" for i in range(n)])
        yield Static("Sammanfattning\\n\\nText. " * 20)
        yield Footer()
async def first_frame(pilot):
    await pilot.pause()  # the screen has processed its messages and painted
    pilot.app.exit()
Bare().run(headless=True, size=(120, 36), auto_pilot=first_frame)
"""
)

# `namndtui MEETING` as the secretary starts it: cli.main parses the command line, reads
# the user's settings (the child's own empty XDG_CONFIG_HOME: the defaults), builds the app
# and applies the settings (commands/open_app.run); only App.run is made headless.
CHILD_NAMNDTUI = (
    FIRST_FRAME_PROBE
    + """
import sys
from textual.app import App
async def first_frame(pilot):
    await pilot.pause()  # the screen has processed its messages and painted
    pilot.app.exit()
_run = App.run
App.run = lambda self, **kw: _run(self, headless=True, size=(120, 36), auto_pilot=first_frame)
from namndtui.cli import main
main([sys.argv[1]])
"""
)


def generated_meeting(folder: Path, items: int) -> Path:
    """A meeting like the example but with `items` agenda items."""
    import dataclasses

    from namndtui.meetingfile import load_meeting
    from namndtui.meetingwrite import meeting_to_toml

    meeting = load_meeting(EXAMPLE)
    base = meeting.items
    many = tuple(
        dataclasses.replace(
            base[n % len(base)], id=f"arende-{n}", title=f"{base[n % len(base)].title} ({n})"
        )
        for n in range(items)
    )
    path = folder / "meeting.toml"
    path.write_text(meeting_to_toml(dataclasses.replace(meeting, items=many)), "utf-8")
    return path


CHILD_ENV: dict[str, str] = dict(os.environ)  # see main(): bytecode and meeting cache
COLD_MEETING_CACHE = False


def run_child(
    code: str, args: list[str], env: dict[str, str], cwd: Path | None = None
) -> tuple[float, float]:
    """Run a probed child: (first frame, settled) in seconds from spawn."""
    first, settled, _cpu = run_child_cpu(code, args, env, cwd)
    return first, settled


def run_child_cpu(
    code: str, args: list[str], env: dict[str, str], cwd: Path | None = None
) -> tuple[float, float, float]:
    """`run_child` and the child's own CPU time (all threads) up to its first frame."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
    )
    settled = time.monotonic() - start
    stamps = [line.split() for line in done.stdout.splitlines() if line.startswith("first-")]
    return float(stamps[0][1]) - start, settled, float(stamps[0][2])


def time_child(code: str, *args: str) -> tuple[float, float, float]:
    """(first frame, settled, CPU to first frame) in seconds, with this run's meeting cache."""
    if not COLD_MEETING_CACHE:
        return run_child_cpu(code, list(args), CHILD_ENV)
    with tempfile.TemporaryDirectory(prefix="bench-ff-cold-") as cold:
        return run_child_cpu(code, list(args), {**CHILD_ENV, "XDG_CACHE_HOME": cold})


def compare(label: str, meeting: Path, items: int, runs: int) -> float:
    bare: list[tuple[float, float, float]] = []
    ours: list[tuple[float, float, float]] = []
    for n in range(-1, runs):  # n = -1: a discarded warm-up pair (bytecode, disk cache)
        folder = Path(tempfile.mkdtemp(prefix="bench-ff-"))
        shutil.copy(meeting, folder / "meeting.toml")
        pair = [("bare", CHILD_BARE, (str(items),)), ("ours", CHILD_NAMNDTUI, (str(folder),))]
        if n % 2:
            pair.reverse()
        for name, code, args in pair:
            timing = time_child(code, *args)
            if n >= 0:
                (bare if name == "bare" else ours).append(timing)
        shutil.rmtree(folder, ignore_errors=True)
    b, o = (statistics.median(t[0] for t in bare), statistics.median(t[0] for t in ours))
    bs, os_ = (statistics.median(t[1] for t in bare), statistics.median(t[1] for t in ours))
    ratios = sorted(x[0] / y[0] for x, y in zip(ours, bare, strict=True))
    print(
        f"{label}: first frame: bare {b * 1000:.0f} ms, namndtui {o * 1000:.0f} ms, ratio {o / b:.2f}"
        f" (per-pair ratios {ratios[0]:.2f}–{ratios[-1]:.2f})"
    )
    print(
        f"{label}: settled:     bare {bs * 1000:.0f} ms, namndtui {os_ * 1000:.0f} ms, ratio {os_ / bs:.2f}"
    )
    # The child's CPU time to its first frame: less moved by other processes than the wall
    # clock (a busy machine delays both children), so it shows a change under load too.
    bc, oc = (statistics.median(t[2] for t in bare), statistics.median(t[2] for t in ours))
    print(
        f"{label}: CPU to first frame: bare {bc * 1000:.0f} ms, namndtui {oc * 1000:.0f} ms,"
        f" ratio {oc / bc:.2f}, load average {os.getloadavg()[0]:.1f}"
    )
    return o / b


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--no-bytecode-cache", action="store_true")
    parser.add_argument("--cold-meeting-cache", action="store_true")
    parser.add_argument(
        "--src",
        type=Path,
        help="the namndtui sources the namndtui children run (another checkout's src/,"
        " to measure before and after with the same benchmark)",
    )
    args = parser.parse_args()
    if args.src is not None:
        CHILD_ENV["PYTHONPATH"] = os.pathsep.join(
            [str(args.src.resolve()), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
    global COLD_MEETING_CACHE
    COLD_MEETING_CACHE = args.cold_meeting_cache
    cache = None
    if not args.no_bytecode_cache:
        cache = tempfile.TemporaryDirectory(prefix="bench-ff-pycache-")
        CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
        CHILD_ENV["PYTHONPYCACHEPREFIX"] = cache.name
    # Never the user's own cache; warm after the warm-up pair unless --cold-meeting-cache.
    meeting_cache = tempfile.TemporaryDirectory(prefix="bench-ff-xdg-cache-")
    CHILD_ENV["XDG_CACHE_HOME"] = meeting_cache.name
    config = tempfile.TemporaryDirectory(prefix="bench-ff-xdg-config-")  # no settings file
    CHILD_ENV["XDG_CONFIG_HOME"] = config.name
    os.environ["XDG_CACHE_HOME"] = meeting_cache.name  # this process loads meetings too
    print("bytecode cache:", "off (inherited environment)" if cache is None else "on")
    print("meeting cache:", "cold (empty for every run)" if COLD_MEETING_CACHE else "warm")
    from namndtui.meetingfile import load_meeting

    example_items = len(load_meeting(EXAMPLE).items)
    ratio = compare(f"exempelmötet ({example_items} ärenden)", EXAMPLE, example_items, args.runs)
    print(f"first-frame median ratio {ratio:.2f} (budget ≤ 1.25)")
    with tempfile.TemporaryDirectory() as tmp:
        big = generated_meeting(Path(tmp), args.items)
        ratio_big = compare(f"genererat möte ({args.items} ärenden)", big, args.items, args.runs)
    print(f"first-frame median ratio {ratio_big:.2f} (budget ≤ 1.5)")
    if cache is not None:
        cache.cleanup()
    meeting_cache.cleanup()
    config.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
