"""One act of the secretary (one key, one form) is undone and redone as a whole."""

from __future__ import annotations

from namndtui.record import events as ev
from namndtui.record.fold import fold

from .conftest import SEATS, decided_by_vote, roll_call


def _act(record, events):
    first = record.events[-1][0] + 1 if record.events else 1
    for event in events:
        record.apply(event)
    record.group(first)


def test_close_with_immediate_justering_is_undone_and_redone_whole(open_record):
    record = open_record()
    for event in [ev.MeetingOpened("19:00"), *roll_call(), *decided_by_vote()]:
        record.apply(event)
    _act(record, [ev.MeetingClosed("21:00"), ev.ParagraphJustified("x1")])
    assert record.undo() == ev.MeetingClosed("21:00")
    assert not record.state.closed_at and not record.state.paragraphs["x1"].justified
    assert isinstance(record.state.log[-1][2], ev.Undone)
    assert record.redo() == ev.MeetingClosed("21:00")
    assert record.state.closed_at and record.state.paragraphs["x1"].justified
    record.close()
    again = open_record()  # the grouping is in the journal
    assert again.undo() == ev.MeetingClosed("21:00")
    assert not again.state.closed_at and not again.state.paragraphs["x1"].justified
    assert again.undo() == ev.DecisionRecorded("x1", ("Beslut x1",))  # the act before


def test_all_present_is_one_act(open_record):
    record = open_record()
    record.apply(ev.MeetingOpened("19:00"))
    _act(record, roll_call())
    assert record.undo() == roll_call()[0]
    assert not record.state.present and record.can_undo()
    assert record.redo() == roll_call()[0]
    assert set(SEATS) <= set(record.state.present)


def test_the_notice_names_the_act_not_the_call_it_brought(open_record):
    """qa4: b on an item not yet called (the call and the opening come with it) said
    "Ångrade: ärendet uppropat"; the act is the decision."""
    record = open_record()
    _act(record, roll_call())
    decide = [ev.MeetingOpened("19:00"), ev.ItemCalled("x1", "19:00")]
    _act(record, [*decide, ev.DecisionRecorded("x1", ("Beslut x1",))])
    assert record.undo() == ev.DecisionRecorded("x1", ("Beslut x1",))
    assert record.redo() == ev.DecisionRecorded("x1", ("Beslut x1",))
    _act(record, [ev.ItemCalled("x2", "19:05")])  # a call alone is named as the call
    assert record.undo() == ev.ItemCalled("x2", "19:05")


def test_journal_without_groups_undoes_one_event(meeting):
    events = [*roll_call(), ev.Undone(len(roll_call()))]
    state = fold(meeting, events)
    assert state.done == list(range(1, len(roll_call())))


def test_justering_is_not_undone_from_the_tui(open_record):
    import pytest

    from namndtui.record.procedure import RuleError

    record = open_record()
    for event in [ev.MeetingOpened("19:00"), *roll_call(), *decided_by_vote()]:
        record.apply(event)
    record.apply(ev.MeetingClosed("21:00"))
    record.apply(ev.MinutesJustified("2007-10-30", "2007-10-31"))
    with pytest.raises(RuleError, match="justering och anslag ångras inte"):
        record.undo(justering=False)
    assert record.state.justered_on == "2007-10-30"
    assert isinstance(record.undo(), ev.MinutesJustified)  # the record itself may
