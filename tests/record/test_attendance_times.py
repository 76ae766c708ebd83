"""Arrivals and departures keep their time and §: what the attendance screen shows before
and after the key, and what the minutes print in the § a change takes effect from."""

from __future__ import annotations

from namndtui.record import attendance_acts as acts
from namndtui.record import events as ev
from namndtui.record.fold import fold

from .conftest import roll_call


def test_arrivals_and_departures_keep_item_and_time(meeting) -> None:
    events = roll_call(["Anna Ek", "Bo Ås", "Cia Lund", "Dan Berg"])
    events += [ev.MeetingOpened(at="19:00"), ev.ItemCalled(item="x1")]
    events += acts.arrived(meeting, fold(meeting, events), "Eva Holm", "x1", "19:10")
    events += [ev.ItemCalled(item="x2")]
    events += acts.left(meeting, fold(meeting, events), "Eva Holm", "x2", "20:05")
    state = fold(meeting, events)
    story = [(c.kind, c.item, c.at) for c in acts.arrivals_and_departures(state, "Eva Holm")]
    assert story == [("arrived", "x1", "19:10"), ("left", "x2", "20:05")]
    assert acts.arrivals_and_departures(state, "Anna Ek") == []


def test_a_serving_ersattare_who_leaves_stops_at_that_time(meeting) -> None:
    events = roll_call(["Anna Ek", "Bo Ås", "Cia Lund", "Dan Berg"])
    events += [ev.MeetingOpened(at="19:00"), ev.ItemCalled(item="x1")]
    events += acts.serves_for(meeting, fold(meeting, events), "Fia Nord", "Eva Holm", "x1")
    events += [ev.ItemCalled(item="x2")]
    events += acts.left(meeting, fold(meeting, events), "Fia Nord", "x2", "19:40")
    state = fold(meeting, events)
    stops = [c for c in state.changes if c.kind == "stops"]
    assert [(c.member, c.item, c.for_member, c.at) for c in stops] == [
        ("Fia Nord", "x2", "Eva Holm", "19:40")
    ]
    assert state.serving_for == {}
