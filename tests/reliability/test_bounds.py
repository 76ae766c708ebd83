"""Input we did not write, outside the importers and the archive (issue 20, item 5):
no traceback, no hang, one Swedish line, nothing recorded or written by a refusal."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

import pytest

from namndtui.cli import main
from namndtui.storage import read_input

from .conftest import EXAMPLE, tree_hash


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def meeting(tmp_path: Path) -> Path:
    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    return folder


def _special(tmp_path: Path, kind: str) -> Path:
    if kind == "fifo":
        os.mkfifo(tmp_path / "meeting.toml")
        return tmp_path / "meeting.toml"
    if kind == "loop":
        os.symlink(tmp_path / "b.toml", tmp_path / "a.toml")
        os.symlink(tmp_path / "a.toml", tmp_path / "b.toml")
        return tmp_path / "a.toml"
    return Path("/dev/zero")


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("fifo", "ingen vanlig fil"),
        ("device", "ingen vanlig fil"),
        ("loop", "symboliska länkar i en slinga"),
    ],
)
@pytest.mark.parametrize("command", ["validate", "export", "extract"])
def test_non_regular_files_are_refused_before_reading(tmp_path, kind, said, command):
    if kind == "device" and not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    path = _special(tmp_path, kind)
    argv = [command, str(path)] + (["§1"] if command == "extract" else [])
    code, out, err = cli(*argv)
    assert code in (1, 2) and said in out + err and "Traceback" not in err
    assert "finns inte" not in out + err


def test_a_file_over_the_cap_is_refused(tmp_path):
    big = tmp_path / "meeting.toml"
    big.write_bytes(b"# " + b"x" * 100 + b"\n")
    with pytest.raises(OSError, match="för stor"):
        read_input(big, limit=50)
    assert read_input(big, limit=200).startswith(b"# x")


def test_a_100000_level_dotted_key_is_refused_at_once(tmp_path):
    path = tmp_path / "meeting.toml"
    path.write_text("a" + ".a" * 100_000 + " = 1\n")
    code, out, _err = cli("validate", str(path))
    assert code == 2 and "för djupt nästlade" in out


def test_a_5000_digit_paragraph_is_refused(meeting):
    code, _out, err = cli("extract", str(meeting), "9" * 5000)
    assert code == 2 and "för stort" in err and "Traceback" not in err


def test_an_absurd_justering_date_is_refused_before_it_is_recorded(meeting):
    before = tree_hash(meeting)
    code, _out, err = cli("export", str(meeting), "--justerat", "9999-12-31")
    assert code == 2 and "utanför åren" in err
    assert tree_hash(meeting) == before  # nothing recorded, nothing written


def test_first_paragraph_that_numbers_past_the_limit_is_refused(meeting):
    path = meeting / "meeting.toml"
    text = path.read_text(encoding="utf-8")
    lines = [
        "first_paragraph = 999999" if line.startswith("first_paragraph") else line
        for line in text.splitlines()
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _err = cli("validate", str(path))
    assert code == 1 and "över 999999" in out
    code, _out, err = cli("export", str(meeting))
    assert code != 0 and not (meeting / "protokoll.toml").exists()


def test_export_prints_paths_visibly(tmp_path):
    folder = tmp_path / "möte\x1b]0;titel\x07\x1b[31m"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    code, out, err = cli("export", str(folder))
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out and "␛" in out


def _set_date(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01"])
def test_a_meeting_dated_outside_1900_2199_is_refused(meeting, date):
    path = meeting / "meeting.toml"
    _set_date(path, "date = 2007-10-23", f"date = {date}")
    code, out, _err = cli("validate", str(path))
    assert code == 1 and f"datumet {date} ligger utanför åren 1900–2199" in out
    code, _out, err = cli("export", str(meeting))
    assert code != 0 and "utanför åren" in err and "Traceback" not in err
    assert not (meeting / "protokoll.toml").exists()


def test_a_protokoll_dated_outside_the_range_is_refused(meeting):
    assert cli("export", str(meeting))[0] == 0
    path = meeting / "protokoll.toml"
    _set_date(path, "date = 2007-10-23", "date = 9999-12-31")
    code, out, _err = cli("validate", str(path))
    assert code == 1 and "protokoll.toml:" in out and "utanför åren 1900–2199" in out


def test_a_journal_act_with_an_absurd_date_is_refused():
    from namndtui.record import events as ev
    from namndtui.record.checks import CHECKS
    from namndtui.record.rules import RuleError

    with pytest.raises(RuleError, match="utanför åren"):
        CHECKS[ev.JusteringPlanned](None, None, ev.JusteringPlanned("9999-12-31", "10:00"))


def test_an_absurd_date_recorded_before_the_bound_is_a_named_line(meeting):
    """9999-12-31 recorded by an older version made every export crash: now the journal's
    line is named (read-only), and export stops with it."""
    from namndtui.meetingfile import load_meeting
    from namndtui.record import events as ev
    from namndtui.record.journal import encode_line
    from namndtui.record.record import Record

    with Record.open(load_meeting(meeting / "meeting.toml"), meeting) as record:
        seq = record.apply(ev.MeetingOpened("19:00"))
    with open(meeting / "journal.jsonl", "ab") as fh:
        fh.write(encode_line(seq + 1, "2007-10-30T10:00:00", ev.MinutesJustified("9999-12-31")))
    (meeting / "journal.jsonl.check").unlink()
    code, _out, err = cli("export", str(meeting))
    assert code == 2 and "Traceback" not in err
    assert f"journal.jsonl:{seq + 2}:" in err and "utanför åren 1900–2199" in err
