"""Benchmark of `namndtui follow` (not a test): prints the figures of docs/performance.md.

    python benchmarks/bench_follow.py [--acts 40] [--rounds 3] [--idle 10] [--not-nice]

In one run, in fresh processes, with three followers (`FollowApp`, headless, each its own
process, watching the journal (inotify, where the file system allows) and at the lower
CPU priority, as `namndtui follow` does; `--not-nice`: at the writer's priority):

1. from the writer's fsync to each follower's repaint: the writer records `--acts` acts a
   few hundred ms apart, each a motion Sal shows (a Record in this process, the time taken
   when `apply` returns, i.e. after the fsync); each follower prints the sequence number
   and the time once the screen showing it was refreshed (`call_after_refresh`). Budget:
   median ≤ 200 ms, p95 ≤ 500 ms;
2. the followers' CPU between acts (`--idle` seconds with nothing written, once every
   follower has shown the last act; /proc/<pid>/stat): budget ~0 % of a core;
3. the writer's key-to-durable time (bench_tui.durable: the `o` key's handler, journal
   write + fsync + fold + refresh; and Record.apply alone), each phase in a fresh process,
   **alternately without and with the three followers**: without, with, without, … ,
   without (`--rounds` with-phases, each between two without-phases), always the same
   meeting folder. In a without-phase the followers are stopped (SIGSTOP: no CPU, no
   system call); in a with-phase they run, catch up and follow the journal the writer
   appends to. Budget: the same figure with and without (ratio ≈ 1;
   the spread of the without-phases is the machine's noise).

The machine's load (os.getloadavg) is printed with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from namndtui.examples import example_meeting

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
EXAMPLE = example_meeting().parent
FOLLOWERS = 3


def follower_main(folder: Path, nice: bool = True) -> int:
    """A follower process: print 'seq time' after each repaint."""
    from namndtui.commands.follow import load_for_following, lower_priority
    from namndtui.tui.follow_app import FollowApp

    class StampedFollow(FollowApp):
        def show_state(self) -> None:
            super().show_state()
            seq = self.follower._seq
            # fd 1 itself: Textual captures `print` while the app runs
            self.call_after_refresh(lambda: os.write(1, f"{seq} {time.time()}\n".encode()))

    meeting, folder = load_for_following(folder)
    app = StampedFollow(meeting, folder)
    if nice:
        lower_priority()  # as `namndtui follow` does
    app.run(headless=True, size=(100, 30))
    return 0


class Follower:
    """A follower process and the (seq, time) stamps it printed, read as they come."""

    def __init__(self, folder: Path, nice: bool = True) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        command = [sys.executable, __file__, "--follower", str(folder)]
        command += [] if nice else ["--not-nice"]
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
        self.pid = self.proc.pid
        self.stamps: list[tuple[int, float]] = []
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            seq, when = line.split()
            with self.changed:
                self.stamps.append((int(seq), float(when)))
                self.changed.notify_all()

    def wait_for(self, seq: int, timeout: float = 60) -> None:
        """Until a view showing `seq` (or later) was drawn."""
        with self.changed:
            if not self.changed.wait_for(
                lambda: bool(self.stamps) and self.stamps[-1][0] >= seq, timeout
            ):
                raise SystemExit(f"a follower did not show seq {seq} within {timeout} s")

    def stop(self) -> list[tuple[int, float]]:
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.reader.join(timeout=30)
        return self.stamps


def start_followers(folder: Path, count: int, nice: bool = True) -> list[Follower]:
    followers = [Follower(folder, nice) for _ in range(count)]
    for follower in followers:  # each has drawn its first view
        follower.wait_for(0)
    return followers


def writer_acts(folder: Path, acts: int) -> dict[int, float]:
    """Record `acts` motions on one item (each shows on Sal), 150–350 ms apart;
    seq -> time after apply (after the fsync)."""
    from namndtui.meetingfile import load_meeting
    from namndtui.record import events as ev
    from namndtui.record.record import Record

    meeting = load_meeting(folder / "meeting.toml")
    done: dict[int, float] = {}
    item = meeting.items[-1].id
    seats = [member.name for member in meeting.seats]
    with Record.open(meeting, folder) as record:
        for name in seats:
            record.apply(ev.AttendanceSet(name, True))
        record.apply(ev.ItemCalled(item, "19:00"))
        for n in range(acts):
            time.sleep(random.uniform(0.15, 0.35))  # the secretary's pace, between acts
            motion = ev.MotionMade(item, f"y{n + 1}", seats[n % len(seats)], "eget", f"att {n}")
            seq = record.apply(motion)
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
            # not on the first item, which bench_tui.durable shows: its view would grow
            record.apply(ev.NoteAdded(meeting.items[1].id, f"Mätning {n}"))
            times.append(time.perf_counter() - start)
    key = asyncio.run(durable(folder)) * 1000  # its app keeps the lock: last
    return key, statistics.median(times) * 1000


def durable_phase(folder: Path) -> tuple[float, float]:
    """`durable_ms` in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, __file__, "--durable", str(folder)]
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=env).stdout
    key, apply = out.split()[-2:]
    return float(key), float(apply)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux: /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_cpu(procs: list[Follower], seconds: float) -> list[float]:
    """Each follower's CPU over `seconds` with nothing written, in % of one core."""
    before = [cpu_seconds(p.pid) for p in procs]
    start = time.monotonic()
    time.sleep(seconds)  # the figure is what they do while nothing happens
    spent = time.monotonic() - start
    return [(cpu_seconds(p.pid) - b) / spent * 100 for p, b in zip(procs, before, strict=True)]


def alternate(
    followed: Path, procs: list[Follower], rounds: int
) -> dict[str, list[tuple[float, float]]]:
    """Key-to-durable phases without, with, without … followers (see the docstring)."""
    phases: dict[str, list[tuple[float, float]]] = {"without": [], "with": []}
    for n in range(2 * rounds + 1):
        if n % 2 == 0:
            for proc in procs:
                proc.proc.send_signal(signal.SIGSTOP)
            try:
                phases["without"].append(durable_phase(followed))
            finally:
                for proc in procs:
                    proc.proc.send_signal(signal.SIGCONT)
        else:
            phases["with"].append(durable_phase(followed))
    return phases


def report_durable(phases: dict[str, list[tuple[float, float]]]) -> float:
    """Print the key-to-durable figures; the ratio with/without of the TUI path: the
    median over the with-phases of each against the mean of its two neighbours (robust to
    a drift of the machine's load over the run)."""
    ratio = 1.0
    for n, name in enumerate(("key to durable (bench_tui)", "Record.apply with fsync")):
        without = [phase[n] for phase in phases["without"]]
        with_ = [phase[n] for phase in phases["with"]]
        order = [
            without[i // 2] if i % 2 == 0 else with_[i // 2] for i in range(2 * len(with_) + 1)
        ]
        pairs = [w / ((without[i] + without[i + 1]) / 2) for i, w in enumerate(with_)]
        ratio_n = statistics.median(pairs)
        ratio = ratio_n if n == 0 else ratio
        print(
            f"writer {name}, ms per phase in order (without first): "
            + " | ".join(f"{v:.2f}" for v in order)
        )
        print(
            f"  median without {statistics.median(without):.2f} "
            f"(range {min(without):.2f}–{max(without):.2f}), "
            f"with {FOLLOWERS} followers {statistics.median(with_):.2f} "
            f"(range {min(with_):.2f}–{max(with_):.2f}); each with-phase against its "
            f"neighbours: {', '.join(f'{r:.2f}' for r in pairs)} (median {ratio_n:.2f})"
        )
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--acts", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3, help="with-follower phases")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle measure")
    parser.add_argument("--follower", type=Path)
    parser.add_argument(
        "--not-nice", action="store_true", help="followers at the writer's priority (compare)"
    )
    parser.add_argument("--durable", type=Path)
    args = parser.parse_args(argv)
    if args.follower:
        return follower_main(args.follower, nice=not args.not_nice)
    if args.durable:
        print(*durable_ms(args.durable))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        followed = Path(tmp) / "followed"
        followed.mkdir()
        shutil.copy(EXAMPLE / "meeting.toml", followed / "meeting.toml")
        print(f"load before: {os.getloadavg()}")
        procs = start_followers(followed, FOLLOWERS, nice=not args.not_nice)
        try:
            done = writer_acts(followed, args.acts)
            for follower in procs:  # every act shown before any follower is stopped
                follower.wait_for(max(done))
            idle = idle_cpu(procs, args.idle)  # between acts, past the start-up's work
            busy = [cpu_seconds(p.pid) for p in procs]
            phases = alternate(followed, procs, args.rounds)
            busy = [cpu_seconds(p.pid) - b for p, b in zip(procs, busy, strict=True)]
        finally:
            stamps = [follower.stop() for follower in procs]
        lat = sorted(latencies(done, stamps))
        print(f"load after: {os.getloadavg()}")
    print(
        f"idle followers over {args.idle:.0f} s: "
        + ", ".join(f"{v:.2f} %" for v in idle)
        + " of one core (budget ~0)"
    )
    median = statistics.median(lat) * 1000
    p95 = lat[int(len(lat) * 0.95)] * 1000
    print(
        f"fsync → repaint, {FOLLOWERS} followers × {args.acts} acts ({len(lat)} samples): "
        f"median {median:.0f} ms (budget ≤ 200), p95 {p95:.0f} ms (budget ≤ 500), "
        f"max {lat[-1] * 1000:.0f} ms"
    )
    ratio = report_durable(phases)
    print(
        "followers' CPU over the alternating phases (their with-phases): "
        + ", ".join(f"{v:.2f} s" for v in busy)
    )
    return 0 if median <= 200 and p95 <= 500 and ratio <= 1.10 else 1


if __name__ == "__main__":
    raise SystemExit(main())
