"""Benchmark of `namndtui follow` (not a test): prints the figures of docs/performance.md.

    python benchmarks/bench_follow.py [--acts 40]

In one run, in fresh processes:

1. the writer's key-to-durable time (bench_tui.durable: the `o` key's handler, journal
   write + fsync + fold + refresh) with no follower;
2. three followers started (`FollowApp`, headless, each its own process, polling as
   `namndtui follow` does);
3. from the writer's fsync to each follower's repaint: the writer records `--acts` acts a
   few hundred ms apart (a Record in this process, the time taken when `apply` returns,
   i.e. after the fsync); each follower prints the sequence number and the time once the
   screen showing it was refreshed (`call_after_refresh`). Budget: median ≤ 200 ms,
   p95 ≤ 500 ms;
4. the writer's key-to-durable time again, with the three followers running; and once
   more without (the reference: the ratio with/without is the figure, budget ≈ 1).

The machine's load (os.getloadavg) is printed with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from namndtui.examples import example_meeting

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
EXAMPLE = example_meeting().parent
FOLLOWERS = 3


def follower_main(folder: Path) -> int:
    """A follower process: print 'seq time' after each repaint."""
    from namndtui.commands.follow import load_for_following
    from namndtui.tui.follow_app import FollowApp

    class StampedFollow(FollowApp):
        def show_state(self) -> None:
            super().show_state()
            seq = self.follower._seq
            # fd 1 itself: Textual captures `print` while the app runs
            self.call_after_refresh(lambda: os.write(1, f"{seq} {time.time()}\n".encode()))

    meeting, folder = load_for_following(folder)
    StampedFollow(meeting, folder).run(headless=True, size=(100, 30))
    return 0


def start_followers(folder: Path, count: int) -> list[subprocess.Popen]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, "--follower", str(folder)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(count)
    ]
    for proc in procs:  # each has drawn its first view
        assert proc.stdout is not None
        proc.stdout.readline()
    return procs


def stop_followers(procs: list[subprocess.Popen]) -> list[list[tuple[int, float]]]:
    out = []
    for proc in procs:
        proc.terminate()
        text, _ = proc.communicate(timeout=30)
        stamps = []
        for line in text.splitlines():
            seq, when = line.split()
            stamps.append((int(seq), float(when)))
        out.append(stamps)
    return out


def writer_acts(folder: Path, acts: int) -> dict[int, float]:
    """Record `acts` acts, 150–350 ms apart; seq -> time after apply (after the fsync)."""
    from namndtui.meetingfile import load_meeting
    from namndtui.record import events as ev
    from namndtui.record.record import Record

    meeting = load_meeting(folder / "meeting.toml")
    done: dict[int, float] = {}
    item = meeting.items[-1].id
    with Record.open(meeting, folder) as record:
        for member in meeting.seats:
            record.apply(ev.AttendanceSet(member.name, True))
        for n in range(acts):
            time.sleep(random.uniform(0.15, 0.35))  # the secretary's pace, between acts
            seq = record.apply(ev.NoteAdded(item, f"Anteckning {n}"))
            done[seq] = time.time()
    return done


def latencies(done: dict[int, float], stamps: list[list[tuple[int, float]]]) -> list[float]:
    """Per follower and act: the first repaint showing that act (or a later one) − its fsync."""
    out = []
    for follower in stamps:
        for seq, written in done.items():
            shown = [when for s, when in follower if s >= seq]
            if shown:
                out.append(min(shown) - written)
    return out


def durable_ms(folder: Path) -> tuple[float, float]:
    """(bench_tui's key-to-durable median, Record.apply's median: check, fold, write and
    fsync of one act), in ms."""
    from bench_tui import durable
    from namndtui.meetingfile import load_meeting
    from namndtui.record import events as ev
    from namndtui.record.record import Record

    meeting = load_meeting(folder / "meeting.toml")
    times = []
    with Record.open(meeting, folder) as record:
        for n in range(100):
            start = time.perf_counter()
            record.apply(ev.NoteAdded(meeting.items[0].id, f"Mätning {n}"))
            times.append(time.perf_counter() - start)
    key = asyncio.run(durable(folder)) * 1000  # its app keeps the lock: last
    return key, statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--acts", type=int, default=40)
    parser.add_argument("--follower", type=Path)
    args = parser.parse_args(argv)
    if args.follower:
        return follower_main(args.follower)
    with tempfile.TemporaryDirectory() as tmp:
        alone, followed, again_folder = (Path(tmp) / n for n in ("a", "followed", "b"))
        for folder in (alone, followed, again_folder):
            folder.mkdir()
            shutil.copy(EXAMPLE / "meeting.toml", folder / "meeting.toml")
        print(f"load before: {os.getloadavg()}")
        without = durable_ms(alone)
        procs = start_followers(followed, FOLLOWERS)
        try:
            done = writer_acts(followed, args.acts)
            with_followers = durable_ms(followed)
        finally:
            stamps = stop_followers(procs)
        again = durable_ms(again_folder)
        lat = sorted(latencies(done, stamps))
        print(f"load after: {os.getloadavg()}")
    median = statistics.median(lat) * 1000
    p95 = lat[int(len(lat) * 0.95)] * 1000
    print(
        f"fsync → repaint, {FOLLOWERS} followers × {args.acts} acts ({len(lat)} samples): "
        f"median {median:.0f} ms (budget ≤ 200), p95 {p95:.0f} ms (budget ≤ 500), "
        f"max {lat[-1] * 1000:.0f} ms"
    )
    for n, name in enumerate(("key to durable (bench_tui)", "Record.apply with fsync")):
        reference = (without[n] + again[n]) / 2
        print(
            f"writer {name}: {without[n]:.2f} / {again[n]:.2f} ms without followers, "
            f"{with_followers[n]:.2f} ms with {FOLLOWERS} "
            f"(ratio {with_followers[n] / reference:.2f})"
        )
    return 0 if median <= 200 and p95 <= 500 else 1


if __name__ == "__main__":
    raise SystemExit(main())
