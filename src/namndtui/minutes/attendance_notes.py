"""Arrivals, departures and substitutions during the meeting, as the § they concern says them.

Page 1 already says who took part in what: the §§ beside each name under Beslutande and
Övriga deltagande (PRACTICE.md "Page 1", item 3: `§§ 140–142, 144–147`). The sentence with
the time ("Leila Haddad (S) anländer kl. 19.25 och deltar från och med § 123.") is printed
in the § it takes effect from, before the Beslut, so page 1 keeps room for the boxed
ANSLAG/BEVIS and the § (and its extract) reads alone. A change after the decision of the
last § (no § to take effect from) is printed at the end of the § it was recorded at.
"""

from __future__ import annotations

from namndtui.minutes.model import after_the_decision, member_label
from namndtui.model import Meeting
from namndtui.record.state import RecordState
from namndtui.record.state_parts import AttendanceChange
from namndtui.timeofday import clock


def printed_changes(state: RecordState) -> list[AttendanceChange]:
    """The changes the minutes word (an ersättare serving from the start is no change)."""
    return [c for c in state.changes if c.item or c.kind != "serves"]


def effect_number(state: RecordState, change: AttendanceChange) -> int | None:
    """The § the change takes effect from: the § it was recorded at, or the next one
    handled when that § was already decided (None: after the last §, or at no §)."""
    para = state.paragraphs.get(change.item)
    if para is None or para.number is None:
        return None
    if not after_the_decision(change, para):
        return para.number
    later = [p.number for p in state.paragraphs.values() if (p.number or 0) > para.number]
    return min(later) if later else None


def change_line(meeting: Meeting, state: RecordState, change: AttendanceChange) -> str:
    """'Leila Haddad (S) anländer kl. 19.25 och deltar från och med § 123.'"""
    who = member_label(meeting, change.member)
    para = state.paragraphs.get(change.item)
    where = ""
    if para is not None and para.number is not None:
        number = effect_number(state, change)
        where = f"§ {number}" if number is not None else ""
    elif (item := meeting.item(change.item)) is not None:
        where = f"ärendet {item.title}"
    at = f" kl. {clock(change.at)}" if change.at else ""
    if change.kind == "arrived":
        text = f"{who} anländer{at}" + (f" och deltar från och med {where}" if where else "")
    elif change.kind == "left":
        text = f"{who} lämnar sammanträdet{at}" + (
            f" och deltar inte från och med {where}" if where else ""
        )
    elif change.kind == "serves":
        text = f"{who} tjänstgör för {member_label(meeting, change.for_member)}" + (
            f" från och med {where}" if where else " från sammanträdets början"
        )
    else:
        text = f"{who} slutar tjänstgöra" + (f" från och med {where}" if where else "")
    return text + "."


def paragraph_changes(
    meeting: Meeting, state: RecordState, number: int | None
) -> tuple[list[str], list[str]]:
    """The change lines printed in § `number`: (at its start, at its end).

    At the start: those taking effect from this §, and for the first § those recorded at
    no § at all (before any item was called). At the end: those recorded at this § after
    its decision with no later § to take effect from."""
    if number is None:
        return [], []
    numbers = [p.number for p in state.paragraphs.values() if p.number is not None]
    first = min(numbers, default=None)
    start: list[str] = []
    end: list[str] = []
    for change in printed_changes(state):
        at = effect_number(state, change)
        para = state.paragraphs.get(change.item)
        recorded = para.number if para is not None else None
        if at == number or (at is None and recorded is None and number == first):
            start.append(change_line(meeting, state, change))
        elif at is None and recorded == number:
            end.append(change_line(meeting, state, change))
    return start, end
