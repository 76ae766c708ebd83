"""Disk trouble: full, read-only, permission denied, the journal replaced while open.

Errors are injected (we run as root in CI, so chmod proves nothing). Required: the act is
kept in memory as unsaved, the error is persistent (`save_error`), the next act or
`retry_save` writes everything in order, `save_journal_to` saves it elsewhere; an
acknowledged act is never lost and a reopened journal equals what was recorded.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from namndtui.record import events as ev
from namndtui.record.journal import JOURNAL_NAME, replay
from namndtui.record.lock import LOCK_NAME
from namndtui.record.record import Record, UnsavedError, meeting_label
from namndtui.storage import OS_REASONS

from .conftest import load_harness

H = load_harness()
ACTS = H.script()


def open_record(folder: Path) -> Record:
    record = Record.open(H.meeting(), folder, clock=H.StepClock(0))
    record.clock = H.StepClock(len(record.events))
    return record


def play(record: Record, upto: int) -> None:
    """Apply scripted acts until the record has `upto` acts."""
    while len(record.events) < upto:
        record.apply(ACTS[len(record.events)])


def on_disk(folder: Path) -> list:
    return [e for _, _, e in replay(folder / JOURNAL_NAME, meeting_label(H.meeting())).entries]


def failing(name: str, err: int, *, after_bytes: int | None = None):
    """A replacement for os.<name> that raises OSError(err); os.write may write part first."""
    real = getattr(os, name)

    def broken(*args, **kwargs):
        if name == "write" and after_bytes is not None:
            fd, data = args
            real(fd, bytes(data[:after_bytes]))  # a partial line reaches the file
        raise OSError(err, os.strerror(err))

    return broken


@pytest.mark.parametrize(
    ("name", "err", "partial"),
    [
        ("write", errno.ENOSPC, None),
        ("write", errno.ENOSPC, 17),  # part of the line written, then the disk is full
        ("fsync", errno.EIO, None),
        ("write", errno.EROFS, None),
        ("write", errno.EACCES, None),
    ],
)
def test_failed_write_keeps_acts_unsaved_then_retries(tmp_path, monkeypatch, name, err, partial):
    folder = tmp_path / "m"
    record = open_record(folder)
    play(record, 30)
    monkeypatch.setattr(os, name, failing(name, err, after_bytes=partial))
    for k in range(3):  # the meeting goes on while the disk is broken
        with pytest.raises(UnsavedError) as info:
            record.apply(ACTS[30 + k])
        assert info.value.seq == 31 + k
        assert record.unsaved == list(range(31, 32 + k))
        assert OS_REASONS[err] in record.save_error  # Swedish, not strerror
        assert record.save_cause is not None and record.save_cause.errno == err
        said = "1 åtgärd finns bara i minnet och är inte sparad;" if k == 0 else "inte sparade;"
        assert said in record.save_error  # Swedish agreement: one act "sparad" (round 4)
    assert record.last_saved is not None and [e for _, _, e in record.events] == ACTS[:33]
    assert not record.retry_save()  # still broken: the error stays
    assert record.save_error
    # Nothing unacknowledged is on disk, and what is on disk is whole.
    monkeypatch.undo()
    assert on_disk(folder) == ACTS[:30]
    assert record.retry_save()
    assert record.unsaved == [] and record.save_error == "" and record.save_cause is None
    assert on_disk(folder) == ACTS[:33]
    play(record, 40)
    record.close()
    assert on_disk(folder) == ACTS[:40]
    assert [e for _, _, e in open_record(folder).events] == ACTS[:40]


def test_next_apply_writes_the_unsaved_acts_first(tmp_path, monkeypatch):
    folder = tmp_path / "m"
    record = open_record(folder)
    play(record, 10)
    monkeypatch.setattr(os, "fsync", failing("fsync", errno.ENOSPC))
    with pytest.raises(UnsavedError):
        record.apply(ACTS[10])
    monkeypatch.undo()
    assert record.apply(ACTS[11]) == 12
    assert on_disk(folder) == ACTS[:12]


def test_cut_back_failing_too_is_cleaned_before_the_next_append(tmp_path, monkeypatch):
    """Half a line written and the file cannot even be truncated: cut before appending."""
    folder = tmp_path / "m"
    record = open_record(folder)
    play(record, 5)
    monkeypatch.setattr(os, "write", failing("write", errno.ENOSPC, after_bytes=40))
    monkeypatch.setattr(os, "ftruncate", failing("ftruncate", errno.EROFS))
    with pytest.raises(UnsavedError):
        record.apply(ACTS[5])
    monkeypatch.undo()
    assert (folder / JOURNAL_NAME).read_bytes().count(b"\n") == 6  # the torn half is there
    play(record, 8)
    assert on_disk(folder) == ACTS[:8]


def test_journal_replaced_by_a_folder_while_open(tmp_path):
    folder = tmp_path / "m"
    record = open_record(folder)
    play(record, 12)
    journal = folder / JOURNAL_NAME
    journal.rename(folder / "flyttad.jsonl")
    journal.mkdir()
    for k in range(2):
        with pytest.raises(UnsavedError) as info:
            record.apply(ACTS[12 + k])
        assert "mapp" in str(info.value) or "ersatts" in str(info.value)
    assert record.unsaved == [13, 14]
    assert not record.retry_save()
    journal.rmdir()  # the folder goes away: the whole journal is written again
    assert record.retry_save()
    assert on_disk(folder) == ACTS[:14]
    play(record, 20)
    record.close()
    assert on_disk(folder) == ACTS[:20]


def test_journal_deleted_while_open_is_rewritten_whole(tmp_path):
    folder = tmp_path / "m"
    record = open_record(folder)
    play(record, 12)
    (folder / JOURNAL_NAME).unlink()
    # Without the check every later line would go into the deleted file, lost on restart.
    with pytest.raises(UnsavedError):
        record.apply(ACTS[12])
    assert record.retry_save()
    play(record, 15)
    assert on_disk(folder) == ACTS[:15]


def test_journal_cut_short_behind_our_back_is_rewritten(tmp_path):
    folder = tmp_path / "m"
    record = open_record(folder)
    play(record, 12)
    os.truncate(folder / JOURNAL_NAME, 100)
    with pytest.raises(UnsavedError):
        record.apply(ACTS[12])
    assert record.retry_save()
    assert on_disk(folder) == ACTS[:13]


def test_save_journal_elsewhere_holds_every_act_including_unsaved(tmp_path, monkeypatch):
    folder = tmp_path / "m"
    record = open_record(folder)
    play(record, 20)
    monkeypatch.setattr(os, "fsync", failing("fsync", errno.ENOSPC))
    with pytest.raises(UnsavedError):
        record.apply(ACTS[20])
    monkeypatch.undo()
    usb = tmp_path / "usb"
    usb.mkdir()
    saved = record.save_journal_to(usb)
    assert saved == usb / JOURNAL_NAME
    # The copy is a valid journal: dropped into a meeting folder it opens with every act.
    rescue = tmp_path / "rescue"
    rescue.mkdir()
    shutil.copy(saved, rescue / JOURNAL_NAME)
    assert [e for _, _, e in open_record(rescue).events] == ACTS[:21]
    assert record.save_journal_to(tmp_path / "named.jsonl") == tmp_path / "named.jsonl"


def test_save_journal_elsewhere_failing_is_a_journal_error(tmp_path):
    from namndtui.record.journal import JournalError

    record = open_record(tmp_path / "m")
    play(record, 3)
    with pytest.raises(JournalError) as info:
        record.save_journal_to(tmp_path / "finns-inte" / "j.jsonl")
    assert "Kunde inte spara journalen" in str(info.value)


def test_close_gives_unsaved_acts_one_more_try(tmp_path, monkeypatch):
    folder = tmp_path / "m"
    record = open_record(folder)
    play(record, 4)
    monkeypatch.setattr(os, "fsync", failing("fsync", errno.EIO))
    with pytest.raises(UnsavedError):
        record.apply(ACTS[4])
    monkeypatch.undo()
    record.close()
    assert on_disk(folder) == ACTS[:5]


@pytest.mark.parametrize("err", [errno.EROFS, errno.EACCES, errno.ENOSPC])
def test_unwritable_folder_opens_read_only_with_the_reason(tmp_path, monkeypatch, err):
    folder = tmp_path / "m"
    play(open_record(folder), 6)
    for p in folder.glob(LOCK_NAME):
        p.unlink()
    real_open = os.open

    def broken_open(path, flags, *args, **kwargs):
        if str(path).endswith(LOCK_NAME) and flags & os.O_CREAT:
            raise OSError(err, os.strerror(err))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", broken_open)
    record = open_record(folder)
    assert record.readonly and OS_REASONS[err] in record.readonly_reason
    assert [e for _, _, e in record.events] == ACTS[:6]  # everything is still shown
    with pytest.raises(Exception, match="skrivskyddat"):
        record.apply(ACTS[6])


def test_lock_write_failing_leaves_no_empty_lock(tmp_path, monkeypatch):
    folder = tmp_path / "m"
    folder.mkdir()
    monkeypatch.setattr(os, "fsync", failing("fsync", errno.ENOSPC))
    record = open_record(folder)
    monkeypatch.undo()
    assert record.readonly and not (folder / LOCK_NAME).exists()


def test_undo_while_the_disk_is_full_is_kept_too(tmp_path, monkeypatch):
    folder = tmp_path / "m"
    record = open_record(folder)
    play(record, 8)
    monkeypatch.setattr(os, "fsync", failing("fsync", errno.ENOSPC))
    with pytest.raises(UnsavedError):
        record.undo()
    assert isinstance(record.events[-1][2], ev.Undone)
    monkeypatch.undo()
    assert record.retry_save()
    assert on_disk(folder)[-1] == ev.Undone(8)


def test_a_failed_retry_gives_the_banner_its_new_reason(tmp_path, monkeypatch):
    """The disk guard words the reason of the latest failed write from the record's
    `save_cause` (the system error), not by reading the record's message: a disk that
    was full and is now read-only says so after the retry."""
    from types import SimpleNamespace

    from namndtui.tui.disk import DiskGuard, disk_reason

    record = open_record(tmp_path / "m")
    play(record, 30)
    guard = DiskGuard(SimpleNamespace(opened_record=record))  # type: ignore[arg-type]
    monkeypatch.setattr(os, "write", failing("write", errno.ENOSPC))
    with pytest.raises(UnsavedError) as info:
        record.apply(ACTS[30])
    guard.reason = disk_reason(info.value.__cause__)
    assert guard.reason == "disken är full"
    monkeypatch.setattr(os, "write", failing("write", errno.EROFS))
    assert not guard.retry_now()
    assert guard.reason == "skrivskyddat filsystem" and guard.reason in guard.banner()
    monkeypatch.undo()
    assert guard.retry_now() and guard.banner() == ""


def test_the_banner_words_an_errno_as_every_other_line_does():
    """One wording per errno (errors.OS_REASONS); the journal's own case only where the
    table has none that says it better (a folder where the journal was)."""
    from namndtui.errors import OS_REASONS
    from namndtui.tui.disk import disk_reason

    for number, reason in OS_REASONS.items():
        if number != errno.EISDIR:
            assert disk_reason(OSError(number, "English")) == reason
    assert disk_reason(OSError(errno.EISDIR, "x")) == "journalen har ersatts av en mapp"
