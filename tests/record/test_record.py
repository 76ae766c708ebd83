"""Record: apply/undo/redo on disk, read-only, disk errors, the lock, a killed writer."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from namndtui.record import events as ev
from namndtui.record.fold import fold
from namndtui.record.journal import JournalError
from namndtui.record.lock import LOCK_NAME, FolderLock, read_lock
from namndtui.record.procedure import RuleError
from namndtui.record.record import Record

from .conftest import decided_by_vote, roll_call


def test_apply_writes_and_reopens(open_record, tmp_path):
    record = open_record()
    events = roll_call() + decided_by_vote()
    for n, event in enumerate(events, 1):
        assert record.apply(event) == n
    assert record.last_saved is not None
    assert record.quorum().text() == "Beslutför 5/5"
    record.close()
    saved = record.last_saved
    again = open_record()
    assert again.state == fold(again.meeting, events)
    assert again.events[0][1] == "2007-10-23T19:00:02"  # the injected clock
    # Reopened: "Sparat" is the time the last act reached the disk, not "nothing yet".
    assert again.last_saved == saved.replace(microsecond=0)


def test_refused_event_is_not_written(open_record, tmp_path):
    record = open_record()
    with pytest.raises(RuleError, match="inte beslutför"):
        record.apply(ev.DecisionRecorded("x1", ("B",)))
    assert record.events == [] and not (tmp_path / "m" / "journal.jsonl").exists()


def test_undo_redo_return_the_event(open_record):
    record = open_record()
    assert record.undo() is None and record.redo() is None
    for event in roll_call():
        record.apply(event)
    record.apply(ev.NoteAdded("x1", "A"))
    assert record.undo() == ev.NoteAdded("x1", "A")
    assert record.state.paragraph("x1").notes == []
    assert record.redo() == ev.NoteAdded("x1", "A")
    assert record.state.paragraphs["x1"].notes[0].text == "A"
    assert record.can_undo() and not record.can_redo()
    record.close()
    again = open_record()
    assert [type(e).__name__ for _, _, e in again.events[-2:]] == ["Undone", "Redone"]
    assert again.state.paragraphs["x1"].notes[0].text == "A"
    assert again.undo() == ev.NoteAdded("x1", "A")


def test_undo_of_justified_paragraph_is_refused(open_record):
    record = open_record()
    for event in roll_call() + decided_by_vote():
        record.apply(event)
    record.apply(ev.ParagraphJustified("x1"))
    record.apply(ev.CorrectionMade("x1", "Skrivfel", ev.NoteAdded("x1", "Tillägg").to_dict()))
    assert isinstance(record.undo(), ev.CorrectionMade)
    assert isinstance(record.undo(), ev.ParagraphJustified)


def test_second_opener_is_readonly(open_record, tmp_path):
    first = open_record()
    second = open_record()
    assert not first.readonly and second.readonly
    assert str(os.getpid()) in second.readonly_reason and "skrivskyddat" in second.readonly_reason
    with pytest.raises(RuleError, match="redan öppet"):
        second.apply(ev.MeetingOpened("19:00"))
    first.close()
    third = open_record()
    assert not third.readonly


def test_readonly_open_takes_no_lock(open_record, tmp_path):
    reader = open_record(readonly=True)
    assert reader.readonly and not (tmp_path / "m" / LOCK_NAME).exists()
    with pytest.raises(RuleError, match="skrivskyddat"):
        reader.apply(ev.MeetingOpened("19:00"))


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_lock_from_dead_pid_is_taken_over(open_record, tmp_path):
    import socket

    folder = tmp_path / "m"
    folder.mkdir()
    stale = {"pid": _dead_pid(), "host": socket.gethostname(), "time": "2007-10-23T18:00:00"}
    (folder / LOCK_NAME).write_text(json.dumps(stale))
    record = open_record()
    assert not record.readonly
    assert read_lock(folder / LOCK_NAME).pid == os.getpid()
    record.close()
    assert not (folder / LOCK_NAME).exists()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_lock_of_a_killed_but_unreaped_process_is_taken_over(open_record, tmp_path):
    """A killed writer whose parent has not reaped it yet (a zombie) still answers
    kill(pid, 0); seen in tmux when a new instance started right after a kill -9."""
    import socket

    folder = tmp_path / "m"
    folder.mkdir()
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    while Path(f"/proc/{child.pid}/stat").read_text().split(")")[-1].split()[0] != "Z":
        pass  # exited, not yet reaped: we do not wait() until after the open
    held = {"pid": child.pid, "host": socket.gethostname(), "time": "2007-10-23T18:00:00"}
    (folder / LOCK_NAME).write_text(json.dumps(held))
    try:
        record = open_record()
        assert not record.readonly, record.readonly_reason
        assert read_lock(folder / LOCK_NAME).pid == os.getpid()
        record.close()
    finally:
        child.wait()


def test_garbage_lock_is_taken_over(open_record, tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / LOCK_NAME).write_text("")
    assert not open_record().readonly


def test_lock_from_other_host_is_held(open_record, tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    other = {"pid": 4242, "host": "sekreterare-pc", "time": "2007-10-23T18:59:00"}
    (folder / LOCK_NAME).write_text(json.dumps(other))
    record = open_record()
    assert record.readonly
    for part in ("sekreterare-pc", "4242", "2007-10-23 18:59:00"):
        assert part in record.readonly_reason


def test_release_leaves_a_foreign_lock(tmp_path):
    lock, _ = FolderLock.acquire(tmp_path)
    (tmp_path / LOCK_NAME).write_text(
        json.dumps({"pid": 1, "host": "h", "time": "t", "token": "x"})
    )
    lock.release()
    assert (tmp_path / LOCK_NAME).exists()


def test_corrupt_journal_opens_readonly_with_reason(open_record, tmp_path):
    record = open_record()
    for event in roll_call():
        record.apply(event)
    record.close()
    path = tmp_path / "m" / "journal.jsonl"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b"true", b"false")
    path.write_bytes(b"\n".join(lines))
    again = open_record()
    assert again.readonly and again.corrupt is not None and again.corrupt.line == 4
    assert "journal.jsonl:4: kontrollsumman stämmer inte" in again.readonly_reason
    assert len(again.events) == 2  # the valid prefix is shown
    assert not (tmp_path / "m" / LOCK_NAME).exists()  # a read-only record holds no lock


def test_disk_error_keeps_the_act_unsaved_and_retries(open_record, monkeypatch):
    # Issue 8: a failed write keeps the act in memory (unsaved), the next apply retries.
    record = open_record()
    record.apply(ev.AttendanceSet("Anna Ek", True))

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(JournalError) as info:
        record.apply(ev.AttendanceSet("Bo Ås", True))
    assert (
        "disken är full" in info.value.message
        and "1 åtgärd finns bara i minnet och är inte sparad;" in info.value.message
    )
    assert isinstance(info.value.__cause__, OSError)
    assert record.unsaved == [2] and record.save_error
    expected = fold(record.meeting, [e for _, _, e in record.events])
    assert record.state == expected and len(record.events) == 2
    monkeypatch.undo()
    assert record.apply(ev.AttendanceSet("Cia Lund", True)) == 3  # writes 2, then 3
    assert record.unsaved == [] and record.save_error == ""
    record.close()
    assert [e for _, _, e in open_record().events][-2:] == [
        ev.AttendanceSet("Bo Ås", True),
        ev.AttendanceSet("Cia Lund", True),
    ]


WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from pathlib import Path
    from record.conftest import make_meeting, roll_call, SEATS
    from namndtui.record import events as ev
    from namndtui.record.record import Record
    record = Record.open(make_meeting(), Path({folder!r}))
    n = 0
    while True:
        n += 1
        record.apply(ev.NoteAdded("x1", f"anteckning {{n}}"))
        print(n, flush=True)
    """
)


@pytest.mark.parametrize("after", [1, 25])
def test_sigkill_between_appends_loses_nothing_acknowledged(tmp_path, after):
    folder = tmp_path / "m"
    tests = str(Path(__file__).resolve().parents[1])
    script = WRITER.format(tests=tests, folder=str(folder))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    acknowledged = 0
    try:
        while acknowledged < after:
            line = proc.stdout.readline()
            assert line, "the writer died early"
            acknowledged = int(line)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    # the dead writer's lock is stale and is taken over; every acknowledged act is there
    record = Record.open(proc_meeting(), folder)
    try:
        assert not record.readonly, record.readonly_reason
        notes = [e.text for _, _, e in record.events]
        assert len(notes) >= acknowledged
        assert notes == [f"anteckning {n}" for n in range(1, len(notes) + 1)]
        record.apply(ev.NoteAdded("x1", "efter kraschen"))
    finally:
        record.close()
    assert Record.open(proc_meeting(), folder, readonly=True).events[-1][2].text == "efter kraschen"


def proc_meeting():
    from .conftest import make_meeting

    return make_meeting()
