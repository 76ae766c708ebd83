"""Which events are acts about an item, and the item they name. The rules ask the kind
(`ItemEvent`), never the value: `Event.item_id` reads "" both for an event without an
item (the meeting opened) and for one whose item is "" (an ersättare serving from the
start, a rättelse of the minutes as a whole), and neither becomes an act about an item;
an act about an item with an empty id is refused as an unknown item."""

from __future__ import annotations

import pytest

from namndtui.record import events as ev
from namndtui.record.fold import apply_event, fold
from namndtui.record.procedure import RuleError, check
from namndtui.record.sitting import is_item_event

from .conftest import SEATS, roll_call

FROM_THE_START = ev.SubstituteServes("Fia Nord", "Eva Holm")  # item "" = from the start
AT_X1 = ev.SubstituteServes("Fia Nord", "Eva Holm", "x1")


def play(meeting, state, *events):
    for seq, event in enumerate(events, start=len(state.log) + 1):
        check(meeting, state, event)
        apply_event(meeting, state, event, seq, "2007-10-23T19:10:00")
    return state


def refusal(meeting, state, event) -> str:
    try:
        check(meeting, state, event)
    except RuleError as err:
        return str(err)
    return ""


def test_the_item_id_and_the_kind() -> None:
    assert (FROM_THE_START.item_id, AT_X1.item_id) == ("", "x1")
    assert ev.MeetingOpened("19:00").item_id == ""  # no item at all: read alike
    assert ev.CorrectionMade("", "skäl").item_id == ""  # the minutes as a whole
    assert ev.DecisionRecorded("x1", ("Beslut",)).item_id == "x1"
    assert not is_item_event(FROM_THE_START) and not is_item_event(AT_X1)
    assert not is_item_event(ev.MemberArrived("Eva Holm", "x1"))
    assert not is_item_event(ev.CorrectionMade("x1", "skäl"))
    assert is_item_event(ev.ItemCalled("x1")) and is_item_event(ev.ItemCalled(""))
    assert isinstance(ev.NoteAdded("x1", "text"), ev.ItemEvent)


def test_a_substitute_serves_from_the_start_or_from_a_paragraph(meeting) -> None:
    state = fold(meeting, roll_call(SEATS[:4]))  # Eva Holm absent
    play(meeting, state, FROM_THE_START)  # before the opening: not tied to a §
    assert [(c.kind, c.item) for c in state.changes] == [("serves", "")]
    play(meeting, state, ev.SubstituteStops("Fia Nord", ""), ev.MeetingOpened("19:00"))
    play(meeting, state, ev.ItemCalled("x1", "19:01"), AT_X1)
    assert [(c.kind, c.item) for c in state.changes][-1] == ("serves", "x1")
    # an act about an item is one by its kind, whatever its id
    assert refusal(meeting, state, ev.ItemCalled("")) == "Okänt ärende ''."
    assert refusal(meeting, state, ev.NoteAdded("", "text")) == "Okänt ärende ''."
    play(meeting, state, ev.DecisionRecorded("x1", ("Beslut 1",)), ev.MeetingClosed("20:00"))
    closed = "Sammanträdet är avslutat (kl. 20.00)"  # both are attendance changes now
    assert refusal(meeting, state, FROM_THE_START).startswith(closed)
    assert refusal(meeting, state, AT_X1).startswith(closed)


@pytest.mark.parametrize(
    ("item", "inner", "refused"),
    [
        ("", FROM_THE_START, ""),  # the minutes as a whole: an attendance from the start
        ("", AT_X1, ""),  # or at a §
        ("", ev.NoteAdded("", "text"), "En rättelse av ett ärende ska ange ärendet."),
        ("x1", AT_X1, ""),
        ("x1", FROM_THE_START, "Rättelsen måste gälla samma ärende som den rättade paragrafen."),
    ],
)
def test_a_rattelse_after_the_justering(meeting, item, inner, refused) -> None:
    state = fold(meeting, roll_call(SEATS[:4]))
    play(meeting, state, ev.MeetingOpened("19:00"), ev.ItemCalled("x1", "19:01"))
    play(meeting, state, ev.DecisionRecorded("x1", ("Beslut 1",)), ev.MeetingClosed("20:00"))
    play(meeting, state, ev.MinutesJustified("2007-10-30"))
    correction = ev.CorrectionMade(item, "Fel i närvaron", inner.to_dict())
    assert refusal(meeting, state, correction) == refused
