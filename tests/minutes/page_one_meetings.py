"""Meetings whose page 1 is crowded, built in code (folded, no journal): for the tests of
namndtui.minutes.page_one (the ANSLAG/BEVIS box stays on page 1)."""

from __future__ import annotations

import datetime as dt

from tests.minutes.test_golden import example_events

from namndtui.examples import example_meeting
from namndtui.meetingfile import load_meeting
from namndtui.minutes.model import Minutes
from namndtui.model import Item, Meeting, Member, Official
from namndtui.record import events as ev
from namndtui.record.fold import fold

PARTIES = ("S", "M", "SD", "C", "V", "KD", "L", "MP")
FIRST = ("Anna", "Bengt", "Cecilia", "David", "Elin", "Fredrik", "Gunilla", "Hassan", "Ingrid")
LAST = ("Lindqvist", "Öberg", "Haddad", "Sjöström", "Karlsson", "Nyström", "Åberg", "Ek")
LONG_FIRST = ("Anna-Karin", "Carl-Johan", "Marie-Louise", "Hans-Göran", "Ann-Christin", "Per-Olof")
LONG_LAST = (
    "Lindqvist-Håkansson",
    "Östergren Wahlberg",
    "Sandelin-Fagerström",
    "Bergkvist Åkerlund",
    "Abdirahman Mohamed",
    "Wennerholm-Sjöberg",
)


def _names(count: int, long: bool, offset: int = 0) -> list[str]:
    first, last = (LONG_FIRST, LONG_LAST) if long else (FIRST, LAST)
    return [
        f"{first[(n + offset) % len(first)]} {last[(n + offset) // len(first) % len(last)]}"
        + (f" {n}" if count > len(first) * len(last) else "")
        for n in range(count)
    ]


def body(
    seats: int,
    substitutes: int,
    changes: int,
    *,
    long: bool = False,
    place: str = "Kommunhuset, sal A",
    name: str = "Socialnämnden",
) -> Minutes:
    """A justered meeting of `seats` members and `substitutes` ersättare (all present), 8
    items; `changes` attendance changes in turn: a late arrival whose ersättare served
    until then, a departure an ersättare takes over, a jäv with an ersättare."""
    names = _names(seats + substitutes, long)
    members = [Member(names[0], PARTIES[0], "ordförande"), Member(names[1], "M", "vice ordförande")]
    members += [Member(n, PARTIES[i % len(PARTIES)]) for i, n in enumerate(names[2:seats])]
    members += [
        Member(n, PARTIES[i % len(PARTIES)], "ersättare") for i, n in enumerate(names[seats:])
    ]
    items = tuple(
        Item(id=f"i{n}", title=f"Ärende {n}", proposed_decision=(f"Nämnden beslutar {n}.",))
        for n in range(1, 9)
    )
    meeting = Meeting(
        body=name,
        date=dt.date(2026, 11, 24),
        place=place,
        first_paragraph=140,
        secretary="Annika Rosén",
        kept_at="Kommunkansliet",
        members=tuple(members),
        officials=(Official("Erika Söderström", "förvaltningschef"),),
        items=items,
    )
    seat_names = [m.name for m in members[:seats]]
    subs = [m.name for m in members[seats:]]
    late = seat_names[2 : 2 + (changes + 2) // 3]  # absent at the start
    events: list[ev.Event] = [ev.AttendanceSet(n, n not in late) for n in seat_names]
    events += [ev.AttendanceSet(n, True) for n in subs]
    free = list(subs)
    events += [ev.SubstituteServes(free.pop(0), n) for n in late]
    events += [ev.MeetingOpened("18:30"), ev.AdjustersChosen((seat_names[1],))]
    events.append(ev.JusteringPlanned("2026-11-27", "10:00", "Kommunkansliet"))
    leaving = seat_names[2 + len(late) :]
    for k, item in enumerate(items):
        events.append(ev.ItemCalled(item.id))
        for c in range(changes):
            if c % 8 != k or not free:
                continue
            kind = c % 3
            if kind == 0 and late:
                events.append(ev.MemberArrived(late.pop(0), item.id, f"{18 + k // 2}:{10 + k}"))
            elif kind == 1 and leaving:
                who = leaving.pop(0)
                events.append(ev.MemberLeft(who, item.id, f"{19 + k // 2}:{20 + k}"))
                events.append(ev.SubstituteServes(free.pop(0), who, item.id))
            elif leaving:
                events.append(ev.Recused(item.id, leaving.pop(0), free.pop(0)))
        events.append(ev.DecisionRecorded(item.id, item.proposed_decision))
    events += [ev.MeetingClosed("21:15"), ev.MinutesJustified("2026-11-27", "2026-11-28")]
    return Minutes(meeting, fold(meeting, events))


def qa_example() -> Minutes:
    """The bundled example with one late arrival with an ersättare serving until then, one
    departure an ersättare takes over, and a jäv with an ersättare (the QA scenario)."""
    meeting = load_meeting(example_meeting())
    events = example_events(meeting)
    at = next(k for k, e in enumerate(events) if isinstance(e, ev.AttendanceSet))
    events = [e for e in events if getattr(e, "member", "") != "Leila Haddad"]
    events[at:at] = [
        ev.AttendanceSet("Leila Haddad", False),
        ev.AttendanceSet("Göran Östlund", True),
        ev.SubstituteServes("Göran Östlund", "Leila Haddad"),
    ]

    def after_called(item: str, *extra: ev.Event) -> None:
        k = next(k for k, e in enumerate(events) if isinstance(e, ev.ItemCalled) and e.item == item)
        events[k + 1 : k + 1] = extra

    after_called(
        "ansokan-lansstyrelsen", ev.MemberArrived("Leila Haddad", "ansokan-lansstyrelsen", "19:25")
    )
    after_called(
        "fritidsgarden-nalsta",
        ev.MemberLeft("Johan Ekdahl", "fritidsgarden-nalsta", "20:05"),
        ev.SubstituteServes("Eva Strandberg", "Johan Ekdahl", "fritidsgarden-nalsta"),
    )
    after_called(
        "remiss-miljoprogram", ev.Recused("remiss-miljoprogram", "Tomas Ljungdahl", "Niklas Rehn")
    )
    return Minutes(meeting, fold(meeting, events))
