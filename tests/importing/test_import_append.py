"""`import-text --append MEETING.toml`: validated before and after, existing bytes kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from namndtui.cli import main
from namndtui.meetingfile import load_meeting

DOCS = Path(__file__).parent / "docs"
MEETING = """\
# Sammanträdet, skrivet för hand — kommentaren ska stå kvar.
format = "namndtui/meeting/1"

[meeting]
body = "Hässelby-Vällingby stadsdelsnämnd"
date = 2007-10-23

[[items]]
id = "val-av-justerare"
title = "Val av justerare"
"""


def test_append_keeps_existing_text_and_adds_item(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = tmp_path / "meeting.toml"
    meeting.write_text(MEETING, encoding="utf-8")
    seed = DOCS / "seed-hasselby-vallingby-2007.txt"
    assert (
        main(["import-text", str(seed), "--append", str(meeting), "--id", "ansokan-lansstyrelsen"])
        == 0
    )
    text = meeting.read_text(encoding="utf-8")
    assert text.startswith(MEETING + "\n[[items]]\n")
    loaded = load_meeting(meeting)
    assert [i.id for i in loaded.items] == ["val-av-justerare", "ansokan-lansstyrelsen"]
    assert loaded.items[1].immediate_justification
    assert "ansokan-lansstyrelsen" in capsys.readouterr().out
    # The same id again is refused and the file stays as it was.
    before = meeting.read_bytes()
    assert (
        main(["import-text", str(seed), "--append", str(meeting), "--id", "ansokan-lansstyrelsen"])
        == 1
    )
    assert "--id" in capsys.readouterr().err
    assert meeting.read_bytes() == before


def test_append_extra_sections_round_trip(tmp_path: Path) -> None:
    meeting = tmp_path / "meeting.toml"
    meeting.write_text(MEETING.rstrip("\n"), encoding="utf-8")  # no final newline
    assert (
        main(["import-text", str(DOCS / "numrerade-rubriker.txt"), "--append", str(tmp_path)]) == 0
    )
    item = load_meeting(meeting).items[-1]
    assert [s.title for s in item.extra_sections] == [
        "Ekonomiska konsekvenser",
        "Konsekvenser för barn och unga",
    ]


def test_append_refuses_an_invalid_meeting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = tmp_path / "meeting.toml"
    bad = MEETING.replace('body = "Hässelby-Vällingby stadsdelsnämnd"\n', "")
    meeting.write_text(bad, encoding="utf-8")
    assert main(["import-text", str(DOCS / "kolon-rubriker.txt"), "--append", str(meeting)]) == 1
    assert "body" in capsys.readouterr().err
    assert meeting.read_text(encoding="utf-8") == bad


def test_append_refuses_when_items_is_an_inline_array(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = tmp_path / "meeting.toml"
    text = MEETING.split("[[items]]")[0] + 'items = [{id = "a", title = "A"}]\n'
    meeting.write_text(text, encoding="utf-8")
    assert main(["import-text", str(DOCS / "kolon-rubriker.txt"), "--append", str(meeting)]) != 0
    assert meeting.read_text(encoding="utf-8") == text
    assert "Traceback" not in capsys.readouterr().err


def test_bad_id_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import-text", str(DOCS / "kolon-rubriker.txt"), "--id", "Fel Id"]) == 2
    assert "ogiltigt id" in capsys.readouterr().err


def test_append_refuses_a_meeting_that_has_begun(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qa4: `--append` to the meeting just held (not the next one) added an item to it
    without a word; the app's ctrl+o refuses that once anything is recorded."""
    from namndtui.minutes.source import load_meeting_for_record
    from namndtui.record import events as ev
    from namndtui.record.record import Record

    meeting = tmp_path / "meeting.toml"
    meeting.write_text(MEETING, encoding="utf-8")
    seed = str(DOCS / "seed-hasselby-vallingby-2007.txt")
    with Record.open(load_meeting_for_record(meeting), tmp_path):
        pass  # opened in the app, nothing recorded yet: the agenda is still open
    assert main(["import-text", seed, "--append", str(meeting), "--id", "forsta"]) == 0
    capsys.readouterr()
    with Record.open(load_meeting_for_record(meeting), tmp_path) as record:
        record.apply(ev.MeetingOpened("19:00"))
    before = meeting.read_bytes()
    assert main(["import-text", seed, "--append", str(meeting), "--id", "andra"]) == 1
    assert "föredragningslistan ligger fast" in capsys.readouterr().err
    assert meeting.read_bytes() == before
