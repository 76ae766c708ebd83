"""Benchmark of the minutes (not a test): prints figures for docs/performance.md.

    python benchmarks/bench_minutes.py [--items 500] [--runs 7]

A generated 500-item meeting where every item was handled (motions on every fifth, a
two-round vote on every tenth, a reservation, a note, a jäv now and then) is folded once;
then the export is timed: render protokoll.toml + protokoll.md + protokoll.html and write
them atomically (fsync, TOML re-parsed before replacing). Budget: ≤ 0.5 s. The first export
in a fresh process is measured too (each run its own process: ≤ 300 ms without HTML,
≤ 500 ms with). Also: loading the protokoll.toml back, and rendering one § for the live view.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from namndtui.minutes.markdown import render_paragraph_markdown
from namndtui.minutes.model import Minutes
from namndtui.minutes.protokoll_read import load_protokoll
from namndtui.minutes.write import write_files
from namndtui.model import Item, Meeting, Member
from namndtui.record import events as ev
from namndtui.record.fold import fold

TEXT = (
    "Förvaltningen föreslår att nämnden godkänner förslaget i enlighet med bilagan. " * 6
).strip()


def generated(n_items: int) -> Minutes:
    seats = [Member("Ordförande Ordf", "S", "ordförande")] + [
        Member(f"Ledamot {k}", "SMVL"[k % 4], "ledamot") for k in range(1, 11)
    ]
    subs = [Member(f"Ersättare {k}", "SMVL"[k % 4], "ersättare") for k in range(1, 6)]
    items = tuple(
        Item(
            id=f"arende-{k}", title=f"Ärende {k} om något viktigt", dnr=f"{k}.1-{k}/2024",
            summary=TEXT, background=TEXT + "\n\n" + TEXT, proposal=TEXT,
            proposed_decision=(f"Nämnden godkänner förslaget {k}.", "Paragrafen justeras."),
            attachments=("Bilaga 1",),
        )
        for k in range(1, n_items + 1)
    )  # fmt: skip
    meeting = Meeting("Benchnämnden", dt.date(2024, 3, 5), dt.time(18), "Rummet", 1, "Sekr",
                      "Arkivet", tuple(seats + subs), (), items)  # fmt: skip
    names = [m.name for m in seats]
    events: list[ev.Event] = [ev.MeetingOpened("18:00")]
    events += [ev.AttendanceSet(m.name, True) for m in seats + subs[:2]]
    events += [
        ev.AdjustersChosen((names[1],)),
        ev.JusteringPlanned("2024-03-07", "15:00", "Rummet"),
    ]
    for k, item in enumerate(items, start=1):
        events.append(ev.ItemCalled(item.id, at="18:05"))
        if k % 7 == 0:
            events.append(ev.Recused(item.id, names[2], subs[0].name))
        if k % 5 == 0:
            events += [
                ev.MotionMade(item.id, "y1", names[0], "bifall"),
                ev.MotionMade(item.id, "y2", names[3], "avslag", joined=(names[4],)),
                ev.MotionMade(item.id, "y3", names[5], "eget", "Ett eget förslag."),
                ev.QuestionDecided(item.id, "main", "proposal"),
            ]
            if k % 10 == 0:
                events.append(ev.VoteDemanded(item.id, 1, "y2", "y3", names[3]))
                events += [
                    ev.VoteCast(item.id, 1, n, "ja" if j % 2 else "nej")
                    for j, n in enumerate(names)
                ]
                events += [ev.VoteClosed(item.id, 1), ev.VoteDemanded(item.id, 2, "y1", "y2")]
                events += [
                    ev.VoteCast(item.id, 2, n, "ja" if j < 7 else "nej")
                    for j, n in enumerate(names)
                ]
                events.append(ev.VoteClosed(item.id, 2))
                events.append(ev.ReservationMade(item.id, names[3], TEXT, "y2"))
            events.append(ev.NoteAdded(item.id, "En anteckning.", names[5]))
        events.append(ev.DecisionRecorded(item.id, item.proposed_decision))
    events += [ev.MeetingClosed("23:00"), ev.MinutesJustified("2024-03-07", "2024-03-08")]
    return Minutes(meeting, fold(meeting, events))


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


FRESH_CHILD = """
import sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from bench_minutes import generated
from namndtui.minutes.write import write_files
minutes = generated(int(sys.argv[2]))
with tempfile.TemporaryDirectory() as tmp:
    start, cpu = time.perf_counter(), time.process_time()
    write_files(minutes, Path(tmp), html=sys.argv[3] == "html")
    print(time.perf_counter() - start, time.process_time() - cpu)
"""


def fresh(items: int, html: bool, runs: int) -> list[tuple[float, float]]:
    """The first export in a fresh process (what `namndtui export` and the TUI's first
    write do): no cache of an earlier export can help. The meeting is built untimed.
    (wall, CPU) seconds per run: CPU time is less at the mercy of a loaded machine."""
    here = str(Path(__file__).resolve().parent)
    out = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", FRESH_CHILD, here, str(items), "html" if html else "md"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        wall, cpu = done.stdout.split()[-2:]
        out.append((float(wall), float(cpu)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    import os

    load_before = os.getloadavg()[0]
    first_md = fresh(args.items, False, args.runs)
    first_html = fresh(args.items, True, args.runs)
    minutes = generated(args.items)
    with tempfile.TemporaryDirectory(dir=Path(__file__).resolve().parents[1]) as tmp:
        folder = Path(tmp)
        export = timed(lambda: write_files(minutes, folder, html=True), args.runs)
        md_only = timed(lambda: write_files(minutes, folder), args.runs)
        sizes = {p.name: p.stat().st_size for p in folder.iterdir()}
        load = timed(lambda: load_protokoll(folder / "protokoll.toml"), args.runs)
    one = timed(lambda: render_paragraph_markdown(minutes.meeting, minutes.state, "arende-250"), 50)
    print(
        f"{args.items} items, files: "
        + ", ".join(f"{k} {v // 1024} KiB" for k, v in sorted(sizes.items()))
    )
    print(f"export toml+md+html (atomic, re-parse): median {statistics.median(export) * 1000:.0f} ms, "
          f"max {max(export) * 1000:.0f} ms (budget 500 ms)")  # fmt: skip
    print(f"export toml+md: median {statistics.median(md_only) * 1000:.0f} ms")
    for name, runs, budget in (("toml+md", first_md, 300), ("toml+md+html", first_html, 500)):
        wall = statistics.median(w for w, _ in runs) * 1000
        cpu = statistics.median(c for _, c in runs) * 1000
        print(f"first export in a fresh process, {name}: median {wall:.0f} ms (CPU {cpu:.0f} ms)"
              f" (budget {budget} ms)")  # fmt: skip
    print(f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"load protokoll.toml: median {statistics.median(load) * 1000:.0f} ms")
    print(f"render one § (live view): median {statistics.median(one) * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
