"""In-process budgets of the live meeting (issue 4):

- navigation: process CPU time per `j` key on a generated 500-item meeting (budget ≤ 10 ms),
  raw and with the Pilot's own cost (an unbound key in the same app) subtracted; the same
  for a bare app of the same shape, for reference;
- key press to durable record: the `o` key's action and the app's handling of the act
  it posts (ItemCalled/ImmediateJustificationSet: decided, checked, folded, journal write
  + fsync, the minutes worker started), median over 50 presses (budget ≤ 20 ms);
  `--journal LINES`: only that, with an empty journal against one of LINES lines, each in
  a fresh process, alternating, `--runs` times (how the act's cost grows with the meeting).

    python benchmarks/bench_tui.py [--runs N] [--journal LINES]

With --runs N the navigation pair is measured N times, each in a fresh process (runs
repeated in one process get slower, bare app included: the heap grows), and the median
and range are printed: the machine is shared, single runs move by ±1 ms.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_first_frame import EXAMPLE, generated_meeting  # noqa: E402


async def cpu_per_key(pilot, key: str, keys: int) -> float:
    """Process CPU seconds per press of KEY under the Pilot (which idles ~60 ms a key)."""
    await pilot.pause()
    start = time.process_time()
    for _ in range(keys):
        await pilot.press(key)
    return (time.process_time() - start) / keys


async def navigation(folder: Path, keys: int = 100) -> tuple[float, float, float, float]:
    """CPU per `j` on 500 items: raw, and the app's own work (minus an unbound key).

    The Pilot's press-and-wait costs several ms of CPU per key whatever the app does. An
    unbound key (`x`: a Key event through the same dispatch, no binding, no redraw) measures
    that overhead in the same app and run; `j` minus `x` is what moving in the agenda costs
    the app: the handler, the new report, the status line and the redraw. The same pair is
    taken on a bare app of the same shape (header, OptionList, Static swapped per key,
    Footer) as a reference. Returns (own, raw, bare own, bare raw) in seconds.
    """
    from textual.app import App
    from textual.widgets import Footer, OptionList, Static

    from namndtui.commands.open_app import build_app

    app = build_app(folder)
    async with app.run_test(size=(120, 36)) as pilot:
        ours_j = await cpu_per_key(pilot, "j", keys)
        ours_x = await cpu_per_key(pilot, "x", keys)

    texts = [f"Sammanfattning {n}\n\n" + "Text. " * 200 for n in range(500)]

    class Bare(App):
        def compose(self):
            yield Static("Nämnd · 2007-10-23 · § 120 · Beslutför 9/11")
            yield OptionList(*[f"Ärende nummer {n} med en rubrik" for n in range(500)])
            yield Static(texts[0], id="text")
            yield Footer()

        def on_option_list_option_highlighted(self, event) -> None:
            self.query_one("#text", Static).update(texts[event.option_index])

    bare = Bare()
    async with bare.run_test(size=(120, 36)) as pilot:
        bare.query_one(OptionList).focus()
        bare_j = await cpu_per_key(pilot, "down", keys)
        bare_x = await cpu_per_key(pilot, "x", keys)
    own = ours_j - ours_x
    print(
        f"navigation (500 items, {keys} keys): namndtui {ours_j * 1000:.1f} ms CPU per `j`, "
        f"unbound key {ours_x * 1000:.1f} ms: own work {own * 1000:.1f} ms per key"
    )
    print(
        f"  bare app of the same shape: {bare_j * 1000:.1f} ms per `down`, unbound key "
        f"{bare_x * 1000:.1f} ms: own work {(bare_j - bare_x) * 1000:.1f} ms per key"
    )
    return own, ours_j, bare_j - bare_x, bare_j


def spread(values: list[float]) -> str:
    """'median (min–max)' in ms."""
    ms = [v * 1000 for v in values]
    return f"{statistics.median(ms):.1f} ({min(ms):.1f}–{max(ms):.1f})"


async def durable(folder: Path, presses: int = 50) -> float:
    """Median seconds from the `o` key's action to its act on disk: the screen posts the
    act (`ActsRequested`), the app's handler decides its events on its state, checks,
    folds, writes and fsyncs them, and starts the minutes worker with what it needs
    (tui/app.py `schedule_minutes`). The handler is run at once (the time the message
    waits in Textual's queue is the event loop's, not the act's); between presses the
    minutes worker is let finish, so its thread does not take the next press's CPU."""
    from namndtui.commands.open_app import build_app
    from namndtui.tui.messages import ActsRequested

    app = build_app(folder)
    times = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n", "A", "escape")
        await app.workers.wait_for_complete()
        post = app.post_message
        for _ in range(presses):
            posted: list = []
            app.post_message = posted.append  # type: ignore[method-assign]
            start = time.perf_counter()
            app.screen.action_toggle_oj()  # what the `o` key runs: posts its act
            app.post_message = post  # type: ignore[method-assign]
            for message in posted:
                assert isinstance(message, ActsRequested), message
                app.on_acts_requested(message)  # on disk when this returns
            times.append(time.perf_counter() - start)
            await pilot.pause()
            await app.workers.wait_for_complete()
    median = statistics.median(times)
    print(f"key to durable record: median {median * 1000:.2f} ms over {presses} presses")
    return median


def prefill(folder: Path, acts: int) -> None:
    """A journal of about `acts` lines in the folder: the roll call, then a note on each
    item in turn (each act calls its item first): the minutes grow with it."""
    from namndtui.meetingfile import load_meeting
    from namndtui.record import acts as record_acts
    from namndtui.record import attendance_acts
    from namndtui.record.record import Record

    meeting = load_meeting(folder / "meeting.toml")
    with Record.open(meeting, folder) as record:
        for event in attendance_acts.roll_call(meeting):
            record.apply(event)
        for n in range(acts):
            item = meeting.items[n % len(meeting.items)].id
            text = f"Anteckning {n} om ärendet, som sekreteraren skrev under mötet."
            for event in record_acts.note(meeting, record.state, item, "", text, "19:00"):
                record.apply(event)


def durable_growth(lines: int, runs: int) -> None:
    """Key to durable with an empty journal and with `lines` journal lines, alternating,
    each in a fresh process: the ratio says how the act's cost grows with the meeting."""
    import subprocess

    figures: dict[int, list[float]] = {0: [], lines: []}
    for n in range(runs):
        for size in (0, lines) if n % 2 == 0 else (lines, 0):
            command = [sys.executable, __file__, "--durable-only", str(size)]
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            print(f"journal {size:>5} lines: {out.splitlines()[-1]}")
            figures[size].append(float(out.split()[-1]))
    empty, full = statistics.median(figures[0]), statistics.median(figures[lines])
    print(
        f"key to durable, median of {runs} fresh processes: {empty:.2f} ms (empty journal), "
        f"{full:.2f} ms ({lines} lines): ratio {full / empty:.2f}"
    )


def main(argv: list[str] | None = None) -> int:
    import argparse
    import subprocess

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="navigation runs (default 1)")
    parser.add_argument("--navigation-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--durable-only", type=int, metavar="LINES", help=argparse.SUPPRESS)
    parser.add_argument(
        "--journal",
        type=int,
        metavar="LINES",
        help="only key to durable: an empty journal against one of LINES lines",
    )
    args = parser.parse_args(argv)
    if args.durable_only is not None:
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(EXAMPLE, Path(tmp) / "meeting.toml")
            prefill(Path(tmp), args.durable_only)
            median = asyncio.run(durable(Path(tmp)))
        print("ms", median * 1000)
        return 0
    if args.journal:
        durable_growth(args.journal, max(args.runs, 1))
        return 0
    if args.runs > 1:
        results = []
        for _ in range(args.runs):
            child = [sys.executable, __file__, "--navigation-only"]
            out = subprocess.run(child, check=True, capture_output=True, text=True).stdout
            print(out, end="")
            results.append([float(v) for v in out.splitlines()[-1].split()[1:]])
        own, raw, bare_own, bare_raw = (list(column) for column in zip(*results, strict=True))
        print(
            f"navigation over {args.runs} fresh processes, median (range) ms per key: "
            f"namndtui own work {spread(own)}, raw {spread(raw)}; "
            f"bare own work {spread(bare_own)}, raw {spread(bare_raw)}"
        )
    else:
        with tempfile.TemporaryDirectory() as tmp:
            big = generated_meeting(Path(tmp), 500).parent
            figures = asyncio.run(navigation(big))
        if args.navigation_only:
            print("figures", *figures)  # seconds: own, raw, bare own, bare raw
            return 0
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(EXAMPLE, Path(tmp) / "meeting.toml")
        asyncio.run(durable(Path(tmp)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
