"""`export --justerat` warns about each § with no decision recorded (one Swedish line per
§) and writes the minutes all the same."""

from __future__ import annotations

from tests.follow.conftest import make_meeting, opening
from tests.record.conftest import Clock

from namndtui.cli import main
from namndtui.meetingwrite import meeting_to_toml
from namndtui.record import events as ev
from namndtui.record.record import Record


def test_justerat_warns_about_a_paragraph_without_decision(tmp_path, capsys, monkeypatch) -> None:
    import datetime as dt

    from namndtui.commands import export

    monkeypatch.setattr(export, "_today", lambda: dt.date(2026, 12, 18))  # the meeting's week
    meeting = make_meeting()
    folder = tmp_path / "2026-12-15"
    folder.mkdir()
    (folder / "meeting.toml").write_text(meeting_to_toml(meeting), encoding="utf-8")
    with Record.open(meeting, folder, clock=Clock()) as record:
        for event in [
            *opening(),
            ev.ItemCalled("budget", "18:31"),
            ev.DecisionRecorded("budget", ("Socialnämnden antar budgeten för 2027.",)),
            ev.ItemCalled("info", "18:40"),  # § 141: only called, nothing decided
            ev.ItemCalled("individ", "18:45"),
            ev.ItemTabled("individ"),  # tabled: that is its decision
            ev.MeetingClosed("19:00"),
        ]:
            record.apply(event)
    assert main(["export", str(folder), "--justerat", "2026-12-17"]) == 0
    err = capsys.readouterr().err.splitlines()
    warnings = [line for line in err if "varning" in line]
    assert warnings == [
        "namndtui: varning: § 141 Information från förvaltningen: inget beslut är registrerat"
    ]
    assert (folder / "protokoll.md").exists()
    # A plain export (no justering now) says nothing about it.
    assert main(["export", str(folder)]) == 0
    assert "varning" not in capsys.readouterr().err


def test_a_justering_or_notice_not_yet_made_is_refused(tmp_path, capsys, monkeypatch) -> None:
    """--justerat/--anslaget record what has happened: a date after today is a slip (2062 for
    2026), refused before anything is read or written."""
    import datetime as dt

    from namndtui.commands import export

    monkeypatch.setattr(export, "_today", lambda: dt.date(2026, 12, 6))
    for option in ("--justerat", "--anslaget"):
        assert main(["export", str(tmp_path), option, "2062-12-07"]) == 2
        err = capsys.readouterr().err
        assert f"{option}: 2062-12-07 har inte kommit än (i dag är 2026-12-06)" in err
    assert list(tmp_path.iterdir()) == []
