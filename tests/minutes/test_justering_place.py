"""Page 1's "Justeringens plats och tid" says what the record holds, never invented: the
justering planned at the meeting (`t`), the date the minutes were justered (export
--justerat) when none was planned or it was held another day, and the municipality's
usual place of justering (`[protokoll] justering_place`) when `t` named none."""

from __future__ import annotations

import datetime as dt

from tests.follow.conftest import make_meeting, opening
from tests.record.conftest import Clock

from namndtui.cli import main
from namndtui.meetingwrite import meeting_to_toml
from namndtui.minutes.document import justering_place_and_time
from namndtui.minutes.settings import ProtokollSettings
from namndtui.record import events as ev
from namndtui.record.record import Record
from namndtui.record.state import RecordState

USUAL = ProtokollSettings(justering_place="Kommunkansliet")


def state(**values: str) -> RecordState:
    s = RecordState()
    for key, value in values.items():
        setattr(s, key, value)
    return s


def test_nothing_recorded_is_blank_even_with_a_usual_place() -> None:
    assert justering_place_and_time(state()) == ""
    assert justering_place_and_time(state(), USUAL) == ""  # no date: no line at all


def test_justered_without_t_gives_the_date_and_the_usual_place() -> None:
    assert justering_place_and_time(state(justered_on="2026-12-17")) == "2026-12-17"
    both = justering_place_and_time(state(justered_on="2026-12-17"), USUAL)
    assert both == "Kommunkansliet, 2026-12-17"


def test_the_planned_justering_and_the_day_it_was_held() -> None:
    planned = {"justering_date": "2026-12-17", "justering_time": "15:00"}
    planned["justering_place"] = "Stadshuset"
    assert justering_place_and_time(state(**planned), USUAL) == "Stadshuset, 2026-12-17 kl. 15.00"
    held = justering_place_and_time(state(**planned, justered_on="2026-12-17"), USUAL)
    assert held == "Stadshuset, 2026-12-17 kl. 15.00"
    # held two days later: that day, without the hour planned for the other one
    moved = justering_place_and_time(state(**planned, justered_on="2026-12-19"), USUAL)
    assert moved == "Stadshuset, 2026-12-19"
    # planned without a place: the usual one
    no_place = {"justering_date": "2026-12-17", "justering_time": "15:00"}
    assert (
        justering_place_and_time(state(**no_place), USUAL) == "Kommunkansliet, 2026-12-17 kl. 15.00"
    )


def test_export_justerat_without_t_fills_the_line(tmp_path, capsys, monkeypatch) -> None:
    from namndtui.commands import export

    monkeypatch.setattr(export, "_today", lambda: dt.date(2026, 12, 18))
    meeting = make_meeting()
    folder = tmp_path / "2026-12-15"
    folder.mkdir()
    (folder / "meeting.toml").write_text(meeting_to_toml(meeting), encoding="utf-8")
    with Record.open(meeting, folder, clock=Clock()) as record:
        for event in [*opening(), ev.MeetingClosed("19:00")]:
            record.apply(event)
    assert main(["export", str(folder), "--justerat", "2026-12-17"]) == 0
    text = (folder / "protokoll.md").read_text(encoding="utf-8")
    assert "**Justeringens plats och tid:** 2026-12-17\n" in text
