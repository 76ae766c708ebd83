"""The minutes writer's state (record/replica.py): folded from the record's entries in
the writer's own thread, equal to the record's state after the same entries, and never
changed by acts recorded after them until it catches up."""

from __future__ import annotations

import copy

from namndtui.record import events as ev
from namndtui.record.fold import fold_entries
from namndtui.record.replica import Replica

from .conftest import decided_by_vote, roll_call


def test_the_replica_is_the_records_state_and_acts_after_do_not_touch_it(
    meeting, open_record
) -> None:
    record = open_record()
    for event in roll_call() + decided_by_vote("x1"):
        record.apply(event)
    replica = Replica(meeting)
    with replica.lock:
        state = replica.catch_up(list(record.events))
    assert state == record.state and state is not record.state
    before = copy.deepcopy(state)
    # the live record goes on: an act, an undo, a redo; what the reader holds stays
    record.apply(ev.NoteAdded("x1", "Anteckning"))
    record.undo()
    record.redo()
    record.apply(ev.DecisionRecorded("x2", ("Beslut 2",)))
    assert state == before and record.state != before
    entries = list(record.events)
    assert replica.catch_up(entries) == record.state == fold_entries(meeting, entries)


def test_an_older_list_never_takes_the_state_back_and_another_record_is_folded_anew(
    meeting, open_record, tmp_path
) -> None:
    record = open_record()
    for event in roll_call():
        record.apply(event)
    older = list(record.events)
    record.apply(ev.ItemCalled("x1", "19:00"))
    replica = Replica(meeting)
    replica.catch_up(list(record.events))
    # a worker that got the shorter list but took the lock last writes the newer state
    assert replica.catch_up(older) == record.state
    assert replica.entries == record.events
    other = open_record(tmp_path / "other")  # the same acts, read as other objects
    for event in roll_call()[:3]:
        other.apply(event)
    assert replica.catch_up(list(other.events)) == other.state
    assert replica.entries == other.events
