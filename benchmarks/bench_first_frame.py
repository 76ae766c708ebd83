"""Time to first frame of `namndtui` against a bare Textual app of the same shape.

The bare app has what the meeting screen has: a one-line header, an OptionList with one
option per agenda item, a Static with text, a Footer. Each run is a fresh process (imports
dominate start-up), timed from spawn until the app has painted its first frame and exited;
runs alternate (bare, namndtui, bare, …) so drift on a shared machine hits both.

    python benchmarks/bench_first_frame.py [--runs 15] [--items 500]

Prints the median of each and the ratio (budget: ≤ 1.25 on the example, ≤ 1.5 on 500 items).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "hasselby-vallingby-stadsdelsnamnd" / "2007-10-23" / "meeting.toml"

CHILD_BARE = """
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

CHILD_NAMNDTUI = """
import sys
from pathlib import Path
from namndtui.commands.open_app import build_app
app = build_app(Path(sys.argv[1]))
async def first_frame(pilot):
    await pilot.pause()  # the screen has processed its messages and painted
    pilot.app.exit()
app.run(headless=True, size=(120, 36), auto_pilot=first_frame)
"""


def generated_meeting(folder: Path, items: int) -> Path:
    """A meeting like the example but with `items` agenda items."""
    import dataclasses

    from namndtui.meetingfile import load_meeting, meeting_to_toml

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


def time_child(code: str, *args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True)
    return time.perf_counter() - start


def compare(label: str, meeting: Path, items: int, runs: int) -> float:
    bare, ours = [], []
    for n in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="bench-ff-"))
        shutil.copy(meeting, folder / "meeting.toml")
        pair = [("bare", CHILD_BARE, (str(items),)), ("ours", CHILD_NAMNDTUI, (str(folder),))]
        if n % 2:
            pair.reverse()
        for name, code, args in pair:
            (bare if name == "bare" else ours).append(time_child(code, *args))
        shutil.rmtree(folder, ignore_errors=True)
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"{label}: bare {b * 1000:.0f} ms, namndtui {o * 1000:.0f} ms, ratio {o / b:.2f}")
    return o / b


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--items", type=int, default=500)
    args = parser.parse_args()
    from namndtui.meetingfile import load_meeting

    example_items = len(load_meeting(EXAMPLE).items)
    ratio = compare(f"exempelmötet ({example_items} ärenden)", EXAMPLE, example_items, args.runs)
    print(f"median ratio {ratio:.2f} (budget ≤ 1.25)")
    with tempfile.TemporaryDirectory() as tmp:
        big = generated_meeting(Path(tmp), args.items)
        ratio_big = compare(f"genererat möte ({args.items} ärenden)", big, args.items, args.runs)
    print(f"median ratio {ratio_big:.2f} (budget ≤ 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
