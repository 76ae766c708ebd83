"""Benchmarks of the meeting record (not a test): prints figures for docs/performance.md.

    python benchmarks/bench_record.py

- append+fsync of one event (median, p95) in a temp folder on the same disk as /tmp
- replay (read, verify, fold) of a 5,000-event journal; budget <= 200 ms
- apply one event (check + fold, no disk) in a 500-item meeting; budget <= 1 ms
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import tempfile
import time
from pathlib import Path

from namndtui.model import Item, Meeting, Member
from namndtui.record import events as ev
from namndtui.record.fold import apply_event, fold
from namndtui.record.journal import JOURNAL_NAME, JournalWriter, Replay, header_line, replay
from namndtui.record.procedure import check
from namndtui.record.record import Record, meeting_label


def big_meeting(items: int) -> Meeting:
    seats = [Member(f"Ledamot {n}", "S", "ledamot") for n in range(11)]
    subs = [Member(f"Ersättare {n}", "M", "ersättare") for n in range(11)]
    return Meeting(
        body="Benchnämnden",
        date=dt.date(2007, 10, 23),
        members=tuple(seats + subs),
        items=tuple(
            Item(id=f"i{n}", title=f"Ärende {n}", proposed_decision=("B",)) for n in range(items)
        ),
    )


def meeting_events(meeting: Meeting, count: int) -> list[ev.Event]:
    """A realistic mix: roll call, then per item call, motions, a vote now and then, decision."""
    out: list[ev.Event] = [ev.AttendanceSet(m.name, True) for m in meeting.seats]
    n = 0
    while len(out) < count:
        item = meeting.items[n % len(meeting.items)].id
        n += 1
        out += [ev.ItemCalled(item, "19:00"), ev.MotionMade(item, "y1", "Ledamot 0", "bifall")]
        out += [ev.MotionMade(item, "y2", "Ledamot 1", "avslag", "Nej")]
        if n % 3 == 0:
            out += [ev.VoteDemanded(item, 1, "y1", "y2")]
            out += [ev.VoteCast(item, 1, m.name, "ja") for m in meeting.seats]
            out += [ev.VoteClosed(item, 1)]
        out += [ev.DecisionRecorded(item, ("B",)), ev.NoteAdded(item, "Anteckning")]
    return out[:count]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def bench_append(rounds: int = 200) -> tuple[float, float]:
    meeting = big_meeting(4)
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as folder:
        record = Record.open(meeting, Path(folder))
        for m in meeting.seats:
            record.apply(ev.AttendanceSet(m.name, True))
        times = []
        for n in range(rounds):
            event = ev.NoteAdded("i1", f"Anteckning {n}")
            start = time.perf_counter()
            record.apply(event)
            times.append(time.perf_counter() - start)
        record.close()
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95)]


def bench_replay(count: int = 5000) -> tuple[float, float]:
    meeting = big_meeting(500)
    events = meeting_events(meeting, count)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / JOURNAL_NAME
        writer = JournalWriter(path, header_line(meeting_label(meeting)), Replay())
        real_fsync, os.fsync = os.fsync, lambda fd: None  # building the file only
        try:
            for n, event in enumerate(events, 1):
                writer.append(n, "2007-10-23T19:00:00", event)
        finally:
            os.fsync = real_fsync
        writer.close()
        best = float("inf")
        for _ in range(5):
            start = time.perf_counter()
            record = Record.open(meeting, Path(folder), readonly=True)
            best = min(best, time.perf_counter() - start)
        assert len(record.events) == count
        start = time.perf_counter()
        replay(path)
        parse = time.perf_counter() - start
    return best, parse


def bench_apply(items: int = 500) -> tuple[float, float]:
    meeting = big_meeting(items)
    events = meeting_events(meeting, 4000)
    state = fold(meeting, events)
    times = []
    for n in range(2000):
        event = ev.NoteAdded(meeting.items[n % items].id, f"Anteckning {n}")
        start = time.perf_counter()
        check(meeting, state, event)
        apply_event(meeting, state, event, 10_000 + n, "2007-10-23T19:00:00")
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99)]


def bench_undo(count: int = 5000) -> float:
    meeting = big_meeting(500)
    state = fold(meeting, meeting_events(meeting, count))
    start = time.perf_counter()
    apply_event(meeting, state, ev.Undone(state.done[-1]), count + 1)
    return time.perf_counter() - start


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.0f} µs"


def main() -> None:
    median, p95 = bench_append()
    print(f"append+fsync one event: median {ms(median)}, p95 {ms(p95)}")
    best, parse = bench_replay()
    print(f"replay 5,000-event journal (open read-only): {ms(best)} (budget 200 ms)")
    print(f"  of which read + verify checksums + parse: {ms(parse)}")
    print(f"undo (refolds the acts in effect) in a 5,000-event meeting: {ms(bench_undo())}")
    median, p99 = bench_apply()
    print(f"apply one event, 500-item meeting: median {us(median)}, p99 {us(p99)} (budget 1 ms)")


if __name__ == "__main__":
    main()
