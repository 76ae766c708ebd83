"""Fault injection: SIGKILL a recording process at random points, check that nothing is lost.

    python benchmarks/fault_injection.py --kills 200 [--seed 1] [--keep DIR]

A child process plays a scripted meeting (`script()`, 400+ acts that the procedure rules
accept) through `Record.open`/`Record.apply`. After each `apply` returns it appends
"a SEQ" to an acknowledgement file; around writing the minutes (`write_minutes`, every
`MINUTES_EVERY` acts) and updating the archive index (`ArchiveIndex.update`, every
`INDEX_EVERY` acts) it appends "m"/"M" and "i"/"I". The parent kills it with SIGKILL at a
random point — while it records (between or during journal writes), while it writes the
minutes, or while it updates the index — then checks:

- the journal replays strictly (no damaged line; a torn last line is allowed) and every
  acknowledged act is there, equal to the scripted act with that seq;
- protokoll.toml loads with `load_protokoll`; protokoll.md and protokoll.html are whole;
- the archive index passes SQLite's integrity check and updates;
- the minutes regenerate from the journal (written to a scratch folder, loaded back).

Then a new child reopens the same folder (taking over the stale lock) and goes on from
where the journal ends; when the script is done a new meeting folder starts. Prints the
counts that docs/reliability.md reports. The pytest wrapper runs a short version
(tests/reliability/test_fault_injection.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from namndtui.model import Item, Meeting, Member

MINUTES_EVERY = 7
INDEX_EVERY = 23
ITEMS = 20
SEATS = [f"Ledamot {n:02d}" for n in range(1, 12)]
SUBS = [f"Ersättare {n:02d}" for n in range(1, 6)]
ACK = "ack.txt"


def meeting() -> Meeting:
    """The scripted meeting: 11 seats, 5 ersättare, ITEMS items."""
    roles = ["ordförande", "vice ordförande"] + ["ledamot"] * 9
    members = tuple(
        Member(name, "S" if n % 2 else "M", role)
        for n, (name, role) in enumerate(zip(SEATS, roles, strict=True))
    )
    members += tuple(Member(name, "V", "ersättare") for name in SUBS)
    return Meeting(
        body="Felinjektionsnämnden",
        date=dt.date(2024, 3, 5),
        place="Sessionssalen",
        first_paragraph=1,
        secretary="Sekreterare Ett",
        members=members,
        items=tuple(
            Item(
                id=f"arende-{n}",
                title=f"Ärende {n}: [b]ombyggnad[/b] & *förskola* <i>",
                dnr=f"1.2.3-{n}/2024",
                summary=f"Sammanfattning av ärende {n}.",
                proposed_decision=(f"Nämnden beslutar i ärende {n}.",),
            )
            for n in range(1, ITEMS + 1)
        ),
    )


def script() -> list:
    """The acts of the meeting, in order; act number k has seq k."""
    from namndtui.record import events as ev

    acts: list = [ev.AttendanceSet(name, name != SEATS[10]) for name in SEATS + SUBS]
    acts += [
        ev.SubstituteServes(SUBS[0], SEATS[10]),
        ev.OfficialPresent("Tjänsteman Ett", "handläggare"),
        ev.MeetingOpened("18:00"),
        ev.AdjustersChosen((SEATS[2],)),
        ev.JusteringPlanned("2024-03-12", "10:00", "Stadsdelskansliet"),
    ]
    chair = SEATS[0]
    for n in range(1, ITEMS + 1):
        item = f"arende-{n}"
        acts.append(ev.ItemCalled(item, f"18:{n:02d}"))
        acts.append(ev.MotionMade(item, "y1", chair, "bifall"))
        acts.append(ev.MotionMade(item, "y2", SEATS[1], "avslag"))
        acts.append(ev.MotionJoined(item, "y2", SEATS[3]))
        acts.append(ev.VoteDemanded(item, 1, "y1", "y2", SEATS[1]))
        voters = SEATS[:10] + [SUBS[0]]
        for k, voter in enumerate(voters):
            acts.append(ev.VoteCast(item, 1, voter, "nej" if k in (1, 3, 5) else "ja"))
        acts.append(ev.VoteClosed(item, 1))
        acts.append(ev.DecisionRecorded(item, (f"Nämnden beslutar i ärende {n}.",)))
        acts.append(ev.ReservationMade(item, SEATS[1], f"Skriftlig reservation {n}."))
        acts.append(ev.NoteAdded(item, f"Anteckning {n} med `kod` och | tabell |", SEATS[4]))
        note = len(acts)  # the seq of the note just added
        acts.append(ev.Undone(note))
        acts.append(ev.Redone(note))
    acts.append(ev.MeetingClosed("21:00"))
    return acts


class StepClock:
    """Deterministic: one second per call, from 18:00 on the meeting day."""

    def __init__(self, start: int) -> None:
        self.n = start

    def __call__(self) -> dt.datetime:
        self.n += 1
        return dt.datetime(2024, 3, 5, 18, 0) + dt.timedelta(seconds=self.n)


# --- the child --------------------------------------------------------------------------------


def child(folder: Path, index_db: Path) -> int:
    """Play the script from where the journal ends; ack every act after apply returns."""
    from namndtui.archive import ArchiveIndex
    from namndtui.minutes.write import write_minutes
    from namndtui.record.record import Record

    acts = script()
    ack = os.open(folder / ACK, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    mt = meeting()
    record = Record.open(mt, folder, clock=StepClock(0))
    if record.readonly:
        os.write(ack, f"E {record.readonly_reason}\n".encode())
        return 3
    record.clock = StepClock(len(record.events))
    index = ArchiveIndex(folder.parent, db_path=index_db)
    os.write(ack, b"s\n")
    for k in range(len(record.events), len(acts)):
        seq = record.apply(acts[k])
        os.write(ack, f"a {seq}\n".encode())
        if seq % MINUTES_EVERY == 0:
            os.write(ack, b"m\n")
            write_minutes(mt, record.state, folder, html=True)
            os.write(ack, b"M\n")
        if seq % INDEX_EVERY == 0:
            os.write(ack, b"i\n")
            index.update()
            os.write(ack, b"I\n")
    write_minutes(mt, record.state, folder, html=True)
    record.close()
    os.write(ack, b"done\n")
    return 0


# --- the parent -------------------------------------------------------------------------------


@dataclass
class Results:
    kills: int = 0
    phases: Counter = field(default_factory=Counter)  # where the kill landed
    acked: int = 0  # acts acknowledged (over all runs)
    lost: int = 0  # acknowledged acts missing or different after a kill
    torn: int = 0  # kills that left a torn last journal line (dropped on replay)
    checks: int = 0  # file checks done after kills
    failures: list[str] = field(default_factory=list)
    meetings: int = 0  # scripted meetings completed
    temp_left: int = 0  # leftover temp files of atomic writes (harmless, counted)
    seconds: float = 0.0


def _read_ack(folder: Path) -> list[str]:
    try:
        return (folder / ACK).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


def _child_cmd(folder: Path, index_db: Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child", str(folder), str(index_db)]


def _phase(lines: list[str]) -> str:
    for line in reversed(lines):
        if line == "m":
            return "minutes"
        if line == "i":
            return "index"
        if line.startswith("a ") or line in ("M", "I", "s"):
            return "journal"
    return "startup"


def _wait_for(proc: subprocess.Popen, folder: Path, want, deadline: float) -> bool:
    """Poll the ack file until want(lines) or the child ends; False when it ended."""
    ack = folder / ACK
    size = -1
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            now = ack.stat().st_size
        except FileNotFoundError:
            now = 0
        if now != size:
            size = now
            if want(_read_ack(folder)):
                return True
        time.sleep(0.0002)
    return True


def _acked(lines: list[str]) -> list[int]:
    return [int(line[2:]) for line in lines if line.startswith("a ")]


def check_folder(folder: Path, index_db: Path, acts: list, results: Results) -> None:
    """Everything acknowledged is in the journal; every file parses; minutes regenerate."""
    from namndtui.archive import ArchiveIndex
    from namndtui.minutes.protokoll_read import load_protokoll
    from namndtui.minutes.write import write_minutes
    from namndtui.record.journal import JOURNAL_NAME, JournalCorrupt, replay
    from namndtui.record.record import Record, meeting_label

    results.checks += 1
    mt = meeting()
    acked = _acked(_read_ack(folder))

    def fail(text: str) -> None:
        results.failures.append(f"{folder.name} kill {results.kills}: {text}")

    try:
        rep = replay(folder / JOURNAL_NAME, meeting_label(mt))
    except JournalCorrupt as exc:
        fail(f"journal damaged: {exc}")
        return
    if rep.warnings:
        results.torn += 1
    have = {seq: event for seq, _, event in rep.entries}
    for seq in acked:
        if have.get(seq) != acts[seq - 1]:
            results.lost += 1
            fail(f"acknowledged act {seq} missing or changed")
    record = Record.open(mt, folder, readonly=True)
    if record.corrupt is not None:
        fail(f"record opens corrupt: {record.corrupt}")
    toml = folder / "protokoll.toml"
    if toml.exists():
        try:
            load_protokoll(toml)
        except Exception as exc:  # noqa: BLE001 - any failure is a finding
            fail(f"protokoll.toml does not load: {exc}")
    md = folder / "protokoll.md"
    if md.exists():
        text = md.read_text(encoding="utf-8")
        if not text.endswith("\n") or "Felinjektionsnämnden" not in text:
            fail("protokoll.md is not whole")
    html = folder / "protokoll.html"
    if html.exists() and not html.read_text(encoding="utf-8").rstrip().endswith("</html>"):
        fail("protokoll.html is not whole")
    if index_db.exists():
        conn = sqlite3.connect(index_db)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        if ok != "ok":
            fail(f"index integrity: {ok}")
        index = ArchiveIndex(folder.parent, db_path=index_db)
        try:
            index.update()
        finally:
            index.close()
    with tempfile.TemporaryDirectory() as scratch:
        for path in write_minutes(mt, record.state, Path(scratch), html=True):
            if path.name == "protokoll.toml":
                load_protokoll(path)
    record.close()
    results.temp_left = sum(1 for p in folder.iterdir() if p.name.endswith(".tmp"))


def run(kills: int, seed: int, root: Path, *, log=print) -> Results:
    """Kill `kills` children at random points under `root`; return the counts."""
    rng = random.Random(seed)
    acts = script()
    results = Results()
    started = time.monotonic()
    meeting_no = 0
    folder = root / "arkiv" / f"m{meeting_no:03d}"
    folder.mkdir(parents=True)
    index_db = root / "index.sqlite"
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    while results.kills < kills:
        lines = _read_ack(folder)
        done = max(_acked(lines), default=0)
        mode = rng.choice(["journal", "journal", "minutes", "index"])
        target = done + rng.randint(1, 40)
        if mode == "journal":

            def want(ls, target=target):
                return max(_acked(ls), default=0) >= target
        else:
            marker = "m" if mode == "minutes" else "i"
            start = len(lines)

            def want(ls, target=target, marker=marker, start=start):
                return max(_acked(ls), default=0) >= target or marker in ls[start:]

        proc = subprocess.Popen(_child_cmd(folder, index_db), env=env)
        alive = _wait_for(proc, folder, want, time.monotonic() + 60)
        if alive and proc.poll() is None:
            # Land anywhere in the next few milliseconds: between writes or inside one.
            time.sleep(rng.uniform(0, 0.004 if mode == "journal" else 0.03))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            if proc.returncode == -signal.SIGKILL:
                results.kills += 1
                # The last marker the child wrote says what it was doing when it died.
                results.phases[_phase(_read_ack(folder))] += 1
        else:
            proc.wait()
            if proc.returncode not in (0, -signal.SIGKILL):
                results.failures.append(f"child exited {proc.returncode}: {_read_ack(folder)[-1:]}")
                break
        check_folder(folder, index_db, acts, results)
        if "done" in _read_ack(folder):
            results.acked += len(set(_acked(_read_ack(folder))))
            results.meetings += 1
            meeting_no += 1
            folder = root / "arkiv" / f"m{meeting_no:03d}"
            folder.mkdir(parents=True)
        if results.failures:
            break
        if results.kills and results.kills % 25 == 0 and proc.returncode == -signal.SIGKILL:
            log(f"  {results.kills} kills, {dict(results.phases)}", file=sys.stderr)
    results.acked += len(set(_acked(_read_ack(folder))))
    results.seconds = time.monotonic() - started
    return results


def run_tui(kills: int, seed: int) -> int:
    """The tmux test's `run_kills`, longer; prints its counts."""
    import importlib

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root
    module = importlib.import_module("tests.reliability.test_tui_kill")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="namndtui-tui-kill-") as tmp:
        try:
            stats = module.run_kills(Path(tmp), kills, seed)
        except AssertionError as err:
            print(f"FAIL {err}")
            return 1
    print(f"date: {dt.date.today().isoformat()}")
    print(
        f"tui kills: {stats['kills']} ({stats['after_key']} right after a key, "
        f"{stats['after_saved']} after 'Sparat')"
    )
    print(f"keys sent: {stats['keys']}, acts in the journal at the end: {stats['acts']}")
    print(f"decided §§ on screen at a kill (max): {stats.get('shown', 0)}; lost: 0")
    print(f"torn last lines: {stats['torn']}; reopened read-only: 0")
    print(f"seconds: {time.monotonic() - started:.1f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR (kept) instead of a temp dir")
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "INDEX"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--tui",
        type=int,
        metavar="N",
        help="instead: N SIGKILLs of the TUI in tmux (tests/reliability/test_tui_kill.py)",
    )
    args = parser.parse_args(argv)
    if args.child:
        return child(Path(args.child[0]), Path(args.child[1]))
    if args.tui:
        return run_tui(args.tui, args.seed)
    with tempfile.TemporaryDirectory(prefix="namndtui-fault-") as tmp:
        root = Path(args.keep) if args.keep else Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        results = run(args.kills, args.seed, root)
    print(f"date: {dt.date.today().isoformat()}")
    print(
        f"machine: {platform.machine()} {platform.system()} {platform.release()}, "
        f"{os.cpu_count()} cpu, Python {platform.python_version()}"
    )
    print(
        f"script: {len(script())} acts per meeting, minutes every {MINUTES_EVERY} acts, "
        f"index every {INDEX_EVERY}"
    )
    print(
        f"kills: {results.kills} ("
        + ", ".join(f"{k}: {v}" for k, v in sorted(results.phases.items()))
        + ")"
    )
    print(f"meetings completed: {results.meetings}")
    print(f"acts acknowledged: {results.acked}")
    print(f"acts lost: {results.lost}")
    print(f"torn last lines dropped (never acknowledged): {results.torn}")
    print(f"checks after kills: {results.checks}, failures: {len(results.failures)}")
    print(f"leftover temp files at the end: {results.temp_left}")
    print(f"seconds: {results.seconds:.1f}")
    for failure in results.failures:
        print("FAIL", failure)
    return 1 if results.failures or results.lost else 0


if __name__ == "__main__":
    sys.exit(main())
