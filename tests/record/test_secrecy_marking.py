"""SecrecySet: the secretary marks an item secret (or public) before it is decided."""

from __future__ import annotations

import datetime as dt

import pytest

from namndtui.model import Item, Meeting, Member
from namndtui.record import events as ev
from namndtui.record.fold import fold
from namndtui.record.procedure import RuleError, check
from namndtui.secrecy.marking import secrecy_ground

MEETING = Meeting(
    body="Socialnämnden",
    date=dt.date(2026, 12, 9),
    members=(Member("Greta Norén", "S", "ordförande"), Member("Bertil Lax", "M")),
    items=(
        Item("lvu", "Placering", proposed_decision=("Beslut.",)),
        Item("bistand", "Bistånd", secrecy="OSL 26 kap. 1 §", proposed_decision=("Beslut.",)),
    ),
)
ROLL = [ev.AttendanceSet("Greta Norén", True), ev.AttendanceSet("Bertil Lax", True)]


def ground(events: list[ev.Event], item_id: str) -> str:
    state = fold(MEETING, events)
    return secrecy_ground(MEETING.item(item_id), state.paragraphs.get(item_id))


def test_marking_in_advance_does_not_call_the_item() -> None:
    events = [ev.SecrecySet("lvu", "OSL 26 kap. 1 §")]
    check(MEETING, fold(MEETING, []), events[0])
    state = fold(MEETING, events)
    assert state.paragraphs["lvu"].number is None and state.next_number == 1
    assert ground(events, "lvu") == "OSL 26 kap. 1 §"


def test_unmarking_overrides_meeting_toml_and_undo_restores_it() -> None:
    events: list[ev.Event] = [ev.SecrecySet("bistand", "")]
    assert ground([], "bistand") == "OSL 26 kap. 1 §"
    assert ground(events, "bistand") == ""
    events.append(ev.Undone(1))
    assert ground(events, "bistand") == "OSL 26 kap. 1 §"


def test_refused_once_decided_and_for_a_ground_of_several_lines() -> None:
    events = [*ROLL, ev.ItemCalled("lvu"), ev.DecisionRecorded("lvu", ("Beslut.",))]
    state = fold(MEETING, events)
    with pytest.raises(RuleError, match="redan avgjord"):
        check(MEETING, state, ev.SecrecySet("lvu", "OSL 26 kap. 1 §"))
    with pytest.raises(RuleError, match="en rad"):
        check(MEETING, state, ev.SecrecySet("bistand", "OSL\n26 kap."))


def test_allowed_during_a_break_and_after_the_close() -> None:
    """Not an act of the sitting board: the secretary's marking of an undecided item."""
    state = fold(MEETING, [*ROLL, ev.MeetingOpened("18:00"), ev.MeetingAdjourned("19:00")])
    check(MEETING, state, ev.SecrecySet("lvu", "OSL 26 kap. 1 §"))
    state = fold(MEETING, [*ROLL, ev.MeetingOpened("18:00"), ev.MeetingClosed("20:00")])
    check(MEETING, state, ev.SecrecySet("lvu", "OSL 26 kap. 1 §"))


def test_journal_round_trip() -> None:
    event = ev.SecrecySet("lvu", "OSL 26 kap. 1 §")
    assert ev.from_dict(event.to_dict()) == event
