"""A meeting.toml saved with CRLF line endings (Notepad, git's autocrlf) is the same
meeting: no carriage return reaches its texts or the minutes (QA: every multi-line text
kept "\\r\\n" and protokoll.toml carried the \\r). Minutes justered from such a file before
the fix are not "ändrat efter justeringen" only because their texts lose the CR."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.minutes import scenario as sc

from namndtui import meetingfile
from namndtui.cli import main
from namndtui.importing import parse_report
from namndtui.importing.agenda import agenda_to_toml, parse_agenda
from namndtui.meetingfile import check_meeting_bytes, load_meeting
from namndtui.minutes.source import load_meeting_for_record


def _crlf(folder) -> bytes:
    path = folder / "meeting.toml"
    lf = path.read_bytes()
    assert b'"""\n' in lf and b"\r" not in lf  # a multi-line text: where a CR would stay
    path.write_bytes(lf.replace(b"\n", b"\r\n"))
    return lf


def test_crlf_meeting_reads_as_the_lf_meeting(tmp_path) -> None:
    folder = sc.copy_tree(tmp_path)
    lf = _crlf(folder)
    crlf_meeting = load_meeting(folder / "meeting.toml")
    assert "\\r" not in repr(crlf_meeting)  # repr shows a CR as \r
    assert crlf_meeting == check_meeting_bytes(lf)[0]
    assert "\\r" not in repr(load_meeting(folder / "meeting.toml"))  # the cached entry too


def test_the_parse_cache_keys_on_the_bytes_read(tmp_path) -> None:
    folder = sc.copy_tree(tmp_path)
    path = folder / "meeting.toml"
    first = load_meeting(path)
    path.write_bytes(path.read_bytes().replace(b"Budgeten \xc3\xa4r i balans", b"Ny text"))
    assert load_meeting(path) != first
    _crlf(folder)
    assert "Ny text" in repr(load_meeting(path))


def test_crlf_meeting_exports_minutes_without_cr(tmp_path, capsys) -> None:
    folder = sc.copy_tree(tmp_path)
    _crlf(folder)
    assert main(["export", str(folder)]) == 0, capsys.readouterr().err
    assert b"\\r" not in (folder / "protokoll.toml").read_bytes()


def _old_decode(data: bytes, filename: str) -> tuple[str | None, list]:
    return data.decode("utf-8"), []  # the reader before the fix: CRLF kept in the texts


def test_minutes_justered_with_cr_in_texts_are_not_changed(tmp_path, capsys, monkeypatch):
    folder = sc.copy_tree(tmp_path)
    _crlf(folder)
    with monkeypatch.context() as patch:
        patch.setattr(meetingfile, "decode_meeting_bytes", _old_decode)
        meeting = load_meeting_for_record(folder / "meeting.toml")
        assert "\\r\\n" in repr(meeting)
        sc.record_meeting(folder, meeting, sc.meeting_events()).close()
        assert main(["export", str(folder), "--justerat", "2024-03-07"]) == 0
    shutil.rmtree(meetingfile.meeting_cache_dir())  # the old reader's entries: another key
    path = folder / "protokoll.toml"
    assert b"\\r" in path.read_bytes()  # what the old reader wrote
    capsys.readouterr()
    assert main(["export", str(folder)]) == 0, capsys.readouterr().err
    assert "ändrat" not in capsys.readouterr().err
    assert main(["validate", str(folder / "meeting.toml")]) == 0, capsys.readouterr().out


def test_imported_crlf_texts_carry_no_cr_into_meeting_toml() -> None:
    docs = Path(__file__).parent.parent / "importing" / "docs"
    agenda = (docs / "agenda-hasselby-vallingby-2007.txt").read_text(encoding="utf-8")
    out = agenda_to_toml(parse_agenda(agenda.replace("\n", "\r\n")))
    assert "\r" not in out and "\\r" not in out
    report = (docs / "kolon-rubriker.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    assert "\\r" not in repr(parse_report(report).item)
    assert "\\r" not in repr(parse_report(report.replace("\r\n", "\r")).item)  # old Mac
