"""A FIFO, a folder or a device where namndtui expects a file it did not write (round 4,
hostile input): the settings, the journal and its sidecar, a neighbour's protokoll.toml,
a file to check or append to, the signing key. Each is refused with one Swedish line or
passed over; none blocks (opening a FIFO for reading waits for a writer forever).

A FIFO stands for every non-regular file here: /dev/zero would be read without end by the
old code, which a test must not risk on a shared machine; `storage.read_input` refuses
both the same way (tests/reliability/test_bounds.py).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import EXAMPLE, cli

pytestmark = pytest.mark.timeout(20)  # the old code blocked here for ever

NOT_REGULAR = "ingen vanlig fil"


@pytest.fixture
def meeting(tmp_path: Path) -> Path:
    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    return folder


def test_a_settings_file_that_is_a_fifo_is_refused(meeting, tmp_path):
    from namndtui.settings import load_user_settings
    from namndtui.tomlcheck import ProblemsError

    fifo = tmp_path / "namndtui.toml"
    os.mkfifo(fifo)
    code, _out, err = cli("export", str(meeting), "--settings", str(fifo))
    assert code == 2 and NOT_REGULAR in err and "Traceback" not in err
    with pytest.raises(ProblemsError, match=NOT_REGULAR):
        load_user_settings(fifo)  # the app's --config


def test_a_settings_file_that_is_a_folder_is_said_to_be_one(meeting, tmp_path):
    folder = tmp_path / "namndtui.toml"
    folder.mkdir()
    code, _out, err = cli("export", str(meeting), "--settings", str(folder))
    assert code == 2 and "är en mapp" in err


def test_a_journal_that_is_a_fifo_is_refused(meeting):
    os.mkfifo(meeting / "journal.jsonl")
    code, _out, err = cli("export", str(meeting))
    assert code == 2 and "journalen kan inte läsas" in err and NOT_REGULAR in err
    assert not (meeting / "protokoll.toml").exists()


def test_a_journal_sidecar_that_is_a_fifo_is_no_sidecar(meeting):
    os.mkfifo(meeting / "journal.jsonl.check")
    code, _out, err = cli("export", str(meeting))
    assert code == 0, err
    assert (meeting / "protokoll.toml").is_file()


def test_a_neighbours_protokoll_that_is_a_fifo_does_not_stop_the_numbering(tmp_path):
    """A meeting without first_paragraph numbers on from the earlier minutes beside it;
    a FIFO named protokoll.toml there blocked export, `new` and opening the meeting."""
    archive = tmp_path / "arkiv"
    (archive / "2007-01-10").mkdir(parents=True)
    os.mkfifo(archive / "2007-01-10" / "protokoll.toml")
    folder = archive / "2007-10-23"
    folder.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if not line.startswith("first_paragraph")]
    (folder / "meeting.toml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    code, _out, err = cli("export", str(folder))
    assert code == 0, err


def test_check_public_refuses_a_fifo(tmp_path):
    fifo = tmp_path / "protokoll.md"
    os.mkfifo(fifo)
    code, out, err = cli("check-public", str(fifo))
    assert code == 2 and NOT_REGULAR in out + err


def test_check_public_says_a_missing_pdf_is_missing(tmp_path):
    """pypdf opened the path itself, so a missing file read as a damaged PDF."""
    code, out, err = cli("check-public", str(tmp_path / "saknas.pdf"))
    assert code == 2 and "finns inte" in out + err and "skadad" not in out + err


def test_appending_to_a_meeting_file_that_is_a_fifo_is_refused(tmp_path):
    report = tmp_path / "rapport.txt"
    report.write_text("Ärende\n\nFörslag till beslut\n\nNämnden beslutar.\n", encoding="utf-8")
    fifo = tmp_path / "meeting.toml"
    os.mkfifo(fifo)
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _out, err = cli("import-text", str(report), "--append", str(fifo))
    assert code == 2 and NOT_REGULAR in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


def test_a_signing_key_that_is_a_fifo_is_refused(tmp_path):
    from namndtui.errors import UserError
    from namndtui.minutes.signing import load_signer

    key = tmp_path / "ed25519.pem"
    os.mkfifo(key, 0o600)
    with pytest.raises(UserError, match=NOT_REGULAR):
        load_signer(key)


def test_the_follower_reports_a_journal_that_is_a_fifo(meeting):
    from namndtui.meetingfile import load_meeting
    from namndtui.record.follow import JournalFollower

    os.mkfifo(meeting / "journal.jsonl")
    follower = JournalFollower(load_meeting(meeting / "meeting.toml"), meeting)
    follower.poll()
    assert NOT_REGULAR in follower.problem


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_validate_names_a_journal_that_cannot_be_read(meeting, kind):
    """validate called such a meeting valid (exit 0) while export and the app refuse it."""
    journal = meeting / "journal.jsonl"
    os.mkfifo(journal) if kind == "fifo" else journal.mkdir()
    code, out, _err = cli("validate", str(meeting))
    said = "är ingen vanlig fil" if kind == "fifo" else "är en mapp"
    assert code == 2 and f"journal.jsonl: journalen kan inte läsas: {said}" in out, out


def test_a_lock_file_that_is_a_fifo_opens_read_only(meeting):
    """Taking the lock read the FIFO's "JSON" and blocked (a symlink to /dev/zero in its
    place ran out of memory): now the meeting opens read-only and says what to remove."""
    from namndtui.meetingfile import load_meeting
    from namndtui.record.record import Record

    os.mkfifo(meeting / ".namndtui.lock")
    record = Record.open(load_meeting(meeting / "meeting.toml"), meeting)
    try:
        assert record.readonly and "ingen vanlig fil" in record.readonly_reason
    finally:
        record.close()
    code, _out, err = cli("export", str(meeting), "--justerat", "2007-10-30")
    assert code != 0 and "ingen vanlig fil" in err and "Traceback" not in err


def test_a_key_file_that_is_no_key_says_how_to_get_one(tmp_path):
    """It said "skapa en med namndtui nyckel", which refuses while the file is there."""
    from namndtui.errors import UserError
    from namndtui.minutes.signing import load_signer

    key = tmp_path / "ed25519.pem"
    key.write_bytes(b"-----BEGIN PRIVATE KEY-----\nnej\n-----END PRIVATE KEY-----\n")
    key.chmod(0o600)
    with pytest.raises(UserError, match="flytta undan filen och skapa en ny med namndtui nyckel"):
        load_signer(key)


def test_a_symlinked_lock_or_sidecar_never_writes_into_the_file_it_names(meeting):
    """Taking the lock truncated and wrote the file a `.namndtui.lock` symlink named, and
    the sidecar's slots went into the file `journal.jsonl.check` named: a link planted in a
    shared meeting folder destroyed another file."""
    from namndtui.meetingfile import load_meeting
    from namndtui.record import events as ev
    from namndtui.record.record import Record

    precious, other = meeting / "viktig.txt", meeting / "annan.txt"
    precious.write_text("VIKTIG DATA\n", encoding="utf-8")
    other.write_text("ANNAN DATA\n", encoding="utf-8")
    (meeting / ".namndtui.lock").symlink_to(precious.name)
    (meeting / "journal.jsonl.check").symlink_to(other.name)
    loaded = load_meeting(meeting / "meeting.toml")
    record = Record.open(loaded, meeting)
    assert record.readonly and "symbolisk länk" in record.readonly_reason
    record.close()
    (meeting / ".namndtui.lock").unlink()  # what the line says to do
    record = Record.open(loaded, meeting)
    try:
        assert not record.readonly
        record.apply(ev.MeetingOpened("19:00"))
    finally:
        record.close()
    assert precious.read_text(encoding="utf-8") == "VIKTIG DATA\n"
    assert other.read_text(encoding="utf-8") == "ANNAN DATA\n"
    assert not (meeting / "journal.jsonl.check").is_symlink()  # a sidecar of its own now
