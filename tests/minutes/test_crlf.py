"""A protokoll.toml whose line endings became CRLF on the way (a copy through Windows,
git's autocrlf) is the same minutes: its checksums and seal hold, and export does not take
it for justered minutes changed behind the journal's back (QA: every § with a multi-line
text read as "ändrats efter justeringen", and export refused with a diff of equal texts)."""

from __future__ import annotations

from tests.minutes import scenario as sc

from namndtui.cli import main
from namndtui.minutes.protokoll_read import parse_protokoll_text
from namndtui.minutes.protokoll_write import render_toml
from namndtui.minutes.source import load_meeting_for_record

EXAMPLE = sc.GOLDEN / "hasselby-vallingby-2007-10-23" / "protokoll.toml"


def test_crlf_minutes_read_as_the_minutes_written() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert '"""\n' in text  # multi-line texts: where a CR would change the content
    minutes = parse_protokoll_text(text.replace("\n", "\r\n"))  # no ProtokollFileError
    assert render_toml(minutes) == text


def test_a_crlf_copy_of_justered_minutes_validates_and_exports(tmp_path, capsys) -> None:
    folder = sc.copy_tree(tmp_path)
    meeting = load_meeting_for_record(folder / "meeting.toml")
    sc.record_meeting(folder, meeting, sc.meeting_events()).close()
    assert main(["export", str(folder), "--justerat", "2024-03-07"]) == 0
    path = folder / "protokoll.toml"
    written = path.read_bytes()
    assert b'"""\n' in written
    path.write_bytes(written.replace(b"\n", b"\r\n"))
    capsys.readouterr()
    assert main(["validate", str(folder / "meeting.toml")]) == 0, capsys.readouterr().out
    assert main(["export", str(folder)]) == 0, capsys.readouterr().err
    assert path.read_bytes() == written  # written again as it was, with LF
