"""Acts the journal holds on an item id or a name that meeting.toml no longer has (an id
or a name "tidied" between meetings) are said, not dropped from the minutes silently."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from namndtui.record import events as ev
from namndtui.record.record import Record

from .conftest import Clock, make_meeting, roll_call


def test_a_renamed_item_or_member_is_warned_about(tmp_path: Path) -> None:
    meeting = make_meeting()
    record = Record.open(meeting, tmp_path, clock=Clock())
    for event in [*roll_call(), ev.ItemCalled("x2", "19:01"), ev.ItemTabled("x2")]:
        record.apply(event)
    record.apply(ev.MotionMade("x1", "y1", "Cia Lund", "avslag"))
    record.close()

    same = Record.open(meeting, tmp_path, readonly=True)
    assert same.warnings == []  # the meeting as held: nothing to say
    same.close()

    items = tuple(
        dataclasses.replace(item, id="x2-ny") if item.id == "x2" else item for item in meeting.items
    )
    members = tuple(
        dataclasses.replace(m, name="Cia Lundh") if m.name == "Cia Lund" else m
        for m in meeting.members
    )
    tidied = dataclasses.replace(meeting, items=items, members=members)
    record = Record.open(tidied, tmp_path, readonly=True)
    record.close()
    assert record.warnings == [
        'journalen har 2 åtgärder på ärendet "x2", som inte finns i meeting.toml (har id:t '
        "ändrats?): de kommer inte med i protokollet – skriv tillbaka id:t",
        'journalen nämner "Cia Lund" i 2 åtgärder, men ingen ledamot eller ersättare i '
        "meeting.toml heter så (har namnet ändrats?): det som registrerades på namnet kommer "
        "inte med i protokollet – skriv tillbaka namnet",
    ]
