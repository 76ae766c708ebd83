"""The journal follower (record/follow.py): bursts, torn lines, damage, replacement, a
writer's crash and restart, a missing file; never a lock, never a write."""

from __future__ import annotations

import os
from pathlib import Path

from namndtui.record import events as ev
from namndtui.record.fold import fold_entries
from namndtui.record.follow import JournalFollower
from namndtui.record.journal import replay
from namndtui.record.lock import LOCK_NAME
from namndtui.record.record import Record, UnsavedError

from .conftest import Clock, opening, record_all, vote_demanded, votes_and_decision


def files(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()}


def test_follows_acts_and_bursts_like_a_replay(meeting, folder, writer) -> None:
    follower = JournalFollower(meeting, folder)
    assert follower.poll() and "finns inte" in follower.problem
    assert not follower.poll()  # still no file: nothing new
    record_all(writer, opening())
    assert follower.poll() and follower.problem == ""
    assert follower.state.opened_at == "18:30"
    record_all(writer, vote_demanded() + votes_and_decision())  # a burst of 12 acts
    assert follower.poll()
    assert follower.state.paragraphs["budget"].decision == [
        "Socialnämnden antar budgeten för 2027."
    ]
    expected = fold_entries(meeting, replay(folder / "journal.jsonl").entries)
    assert follower.state.paragraphs == expected.paragraphs
    reads = follower.reads
    assert not follower.poll() and follower.reads == reads  # unchanged: only a stat


def test_a_torn_last_line_waits_for_the_rest(meeting, folder, writer) -> None:
    record_all(writer, opening())
    journal = folder / "journal.jsonl"
    whole = journal.read_bytes()
    lines = whole.splitlines(keepends=True)
    journal.write_bytes(b"".join(lines[:-1]) + lines[-1][:20])  # mid-write
    # A line being written is not in the sidecar yet (it is marked after the fsync).
    (folder / "journal.jsonl.check").unlink()
    follower = JournalFollower(meeting, folder)
    follower.poll()
    assert follower.problem == ""
    assert len(follower.state.log) == len(lines) - 2  # header and the torn line left out
    with open(journal, "ab") as fh:
        fh.write(lines[-1][20:])
    assert follower.poll()
    assert len(follower.state.log) == len(lines) - 1


def test_damage_is_said_and_the_last_good_state_kept(meeting, folder, writer) -> None:
    record_all(writer, opening() + vote_demanded())
    follower = JournalFollower(meeting, folder)
    follower.poll()
    good = len(follower.state.log)
    journal = folder / "journal.jsonl"
    with open(journal, "ab") as fh:
        fh.write(b'{"seq":99,"time":"x","event":{},"sum":"0"}\n{"not":"json"\n')
    assert follower.poll()
    assert "Journalen är skadad" in follower.problem and ":" in follower.problem
    assert len(follower.state.log) == good
    # Someone puts a good copy back (a new inode): read again from the start.
    data = journal.read_bytes()
    cut = data.index(b'{"seq":99')
    spare = folder / "copy.jsonl"
    spare.write_bytes(data[:cut])
    os.replace(spare, journal)
    assert follower.poll()
    assert follower.problem == "" and len(follower.state.log) == good


def test_a_replaced_journal_is_read_again(meeting, folder, writer) -> None:
    record_all(writer, opening())
    follower = JournalFollower(meeting, folder)
    follower.poll()
    writer.save_journal_to(folder / "other.jsonl")
    os.replace(folder / "other.jsonl", folder / "journal.jsonl")  # same content, new inode
    assert follower.poll() or follower.problem == ""
    try:  # the writer notices the new inode and rewrites the journal (another new inode)
        record_all(writer, vote_demanded()[:1])
    except UnsavedError:
        assert writer.retry_save()
    record_all(writer, vote_demanded()[1:])
    follower.poll()
    assert follower.problem == ""
    assert "byttes ut" in follower.take_notice() and follower.take_notice() == ""
    assert follower.state.paragraphs["budget"].votes[0].demanded_by == "Bo Ås"


def test_a_damaged_replacement_keeps_the_state(meeting, folder, writer) -> None:
    record_all(writer, opening() + vote_demanded())
    follower = JournalFollower(meeting, folder)
    follower.poll()
    shown = len(follower.state.log)
    spare = folder / "bad.jsonl"
    spare.write_bytes(b'{"format":"namndtui/journal/1"}\n{"seq":1,"bad":true}\n{}\n')
    os.replace(spare, folder / "journal.jsonl")
    follower.poll()
    assert "skadad" in follower.problem
    assert len(follower.state.log) == shown


def test_the_writers_crash_and_restart_are_followed(meeting, folder) -> None:
    first = Record.open(meeting, folder, clock=Clock())
    record_all(first, opening())
    follower = JournalFollower(meeting, folder)
    follower.poll()
    # The crash comes mid-write: half a line, then the process is gone.
    with open(folder / "journal.jsonl", "ab") as fh:
        fh.write(b'{"seq":7,"time":"2026-12-15T18:40:00","ev')
    first._writer.close()  # what the kernel does for a dead process
    first._release()
    assert not follower.poll() or follower.problem == ""
    second = Record.open(meeting, folder, clock=Clock())  # cuts the torn tail, appends
    try:
        record_all(second, vote_demanded())
    finally:
        second.close()
    assert follower.poll()
    assert follower.problem == ""
    assert follower.state.paragraphs["budget"].votes[0].demanded_by == "Bo Ås"


def test_the_pinned_first_paragraph_numbers_as_the_writer(meeting, folder, tmp_path) -> None:
    import dataclasses

    unnumbered = dataclasses.replace(meeting, first_paragraph=None)
    pinned = dataclasses.replace(meeting, first_paragraph=77)
    with Record.open(pinned, folder, clock=Clock()) as record:
        record_all(record, opening() + vote_demanded()[:1])
    follower = JournalFollower(unnumbered, folder)
    follower.poll()
    assert follower.state.paragraphs["budget"].number == 77


def test_never_locks_never_writes(meeting, folder) -> None:
    with Record.open(meeting, folder, clock=Clock()) as record:
        record_all(record, opening() + vote_demanded())
    before = files(folder)
    follower = JournalFollower(meeting, folder)
    with open(folder / "journal.jsonl", "ab") as fh:
        fh.write(b"")
    for _ in range(3):
        follower.poll()
    assert files(folder) == before
    assert not (folder / LOCK_NAME).exists()
    # And the writer can take the lock while a follower reads.
    with Record.open(meeting, folder, clock=Clock()) as record:
        assert not record.readonly
        record.apply(ev.MeetingClosed("21:15"))
    follower.poll()
    assert follower.state.closed_at == "21:15"


def test_a_journal_longer_than_one_read(meeting, folder, writer, monkeypatch) -> None:
    from namndtui.record import follow

    monkeypatch.setattr(follow, "READ_CHUNK", 300)  # a few lines per read
    record_all(writer, opening() + vote_demanded() + votes_and_decision())
    follower = JournalFollower(meeting, folder)
    follower.poll()
    assert follower.problem == ""
    assert follower._seq == len(writer.events)
    assert follower.reads > 3


def test_a_journal_cut_at_a_line_boundary_is_said_and_the_state_kept(
    meeting, folder, writer
) -> None:
    record_all(writer, opening() + vote_demanded())
    follower = JournalFollower(meeting, folder)
    follower.poll()
    shown, last = len(follower.state.log), follower._seq
    journal = folder / "journal.jsonl"
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"".join(lines[:-2]))  # two whole acts gone: still a valid journal
    assert follower.poll()
    assert f"slutar vid löpnummer {last - 2}" in follower.problem
    assert f"till och med löpnummer {last} sparades" in follower.problem
    assert len(follower.state.log) == shown  # the last good state
    journal.write_bytes(b"".join(lines))  # put back whole: read again, no problem
    assert follower.poll()
    assert follower.problem == "" and len(follower.state.log) == shown


def test_a_cut_journal_read_first_time_is_said(meeting, folder, writer) -> None:
    record_all(writer, opening())
    journal = folder / "journal.jsonl"
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"".join(lines[:-1]))
    follower = JournalFollower(meeting, folder)
    assert follower.poll()
    assert "rader saknas i slutet" in follower.problem
    # Without a sidecar (an older journal, a copy) the same file is simply followed.
    (folder / "journal.jsonl.check").unlink()
    journal.write_bytes(b"".join(lines[:-1]) + b"")
    os.utime(journal, ns=(1, 1))
    assert follower.poll()
    assert follower.problem == ""
