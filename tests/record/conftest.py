"""A small meeting built in code: 5 seats, 3 substitutes, 4 items (no data/ files)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from namndtui.model import Item, Meeting, Member
from namndtui.record import events as ev
from namndtui.record.record import Record

SEATS = ["Anna Ek", "Bo Ås", "Cia Lund", "Dan Berg", "Eva Holm"]
SUBS = ["Fia Nord", "Gus Syd", "Hans Väst"]


def make_meeting(items: int = 4, first_paragraph: int | None = 120) -> Meeting:
    roles = ["ordförande", "vice ordförande", "ledamot", "ledamot", "ledamot"]
    parties = ["S", "M", "V", "MP", "L"]
    members = tuple(Member(n, p, r) for n, p, r in zip(SEATS, parties, roles, strict=True))
    members += tuple(Member(n, "S", "ersättare") for n in SUBS)
    return Meeting(
        body="Testnämnden",
        date=dt.date(2007, 10, 23),
        first_paragraph=first_paragraph,
        members=members,
        items=tuple(
            Item(id=f"x{n}", title=f"Ärende {n}", proposed_decision=(f"Beslut {n}",))
            for n in range(1, items + 1)
        ),
    )


@pytest.fixture
def meeting() -> Meeting:
    return make_meeting()


class Clock:
    """A deterministic clock: each call one second later."""

    def __init__(self) -> None:
        self.now = dt.datetime(2007, 10, 23, 19, 0, 0)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def roll_call(present: list[str] | None = None) -> list[ev.Event]:
    """Everyone in `present` (default: all five seats) present, the rest absent."""
    present = SEATS if present is None else present
    return [ev.AttendanceSet(m, m in present) for m in SEATS + SUBS]


@pytest.fixture
def open_record(meeting: Meeting, tmp_path: Path, clock: Clock) -> Callable[..., Record]:
    opened: list[Record] = []

    def factory(folder: Path | None = None, **kw) -> Record:
        record = Record.open(meeting, folder or tmp_path / "m", clock=clock, **kw)
        opened.append(record)
        return record

    yield factory
    for record in opened:
        record.close()


def decided_by_vote(item: str = "x1", ja: int = 3) -> list[ev.Event]:
    """Call `item`, y1 bifall (Anna) vs y2 avslag (Dan, joined by Eva); the first `ja`
    seats vote ja, the rest nej; closed; decision recorded."""
    events: list[ev.Event] = [
        ev.ItemCalled(item, "19:05"),
        ev.MotionMade(item, "y1", "Anna Ek", "bifall"),
        ev.MotionMade(item, "y2", "Dan Berg", "avslag", joined=("Eva Holm",)),
        ev.VoteDemanded(item, 1, "y1", "y2", demanded_by="Dan Berg"),
    ]
    events += [ev.VoteCast(item, 1, n, "ja" if i < ja else "nej") for i, n in enumerate(SEATS)]
    events += [ev.VoteClosed(item, 1), ev.DecisionRecorded(item, (f"Beslut {item}",))]
    return events
