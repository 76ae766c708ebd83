"""The next meeting of a body, prepared from its last one (`namndtui new DIR --from PREV`).

Carried over: the body, the members with their parties and roles, the place, the start
time, the secretary and where the minutes are kept. The § numbering continues from the
last § of the previous minutes (from § 1 again when the new meeting is in another year,
as bodies number by calendar year). Items tabled (bordlagda) or sent back (återremitterade)
last time come back as items with their report text, marked in a section "Tidigare
behandling": "Bordlagt 2007-09-25 § 112." An imported agenda (`--agenda`) gives the
date, time, place and items; a carried item that the agenda lists too (same Dnr or
title) is merged into the agenda's item, the others are put after the opening items.

Pure: the caller loads the previous minutes and the agenda and writes the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from namndtui.importing.ids import unique_id
from namndtui.model import Item, Meeting, Section
from namndtui.record.minority import NOUN as MINORITY_NOUN

HISTORY_TITLE = "Tidigare behandling"
TABLED_CATEGORY = "Bordlagda ärenden"
REFERRED_CATEGORY = "Återremitterade ärenden"
# Opening items stay first: the carried items come after them.
_OPENING = re.compile(
    r"juster|upprop|dagordning|föredragningslist|närvaro|sammanträdet öppnas|anmälan av protokoll",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Unfinished:
    """An item the previous meeting tabled or sent back."""

    item: Item
    number: int | None  # its § in the previous minutes
    status: str  # "tabled" | "referred_back"
    reason: str = ""  # why it was sent back (återremissens motivering)
    # The formal motion a minority forced in this ärende, then or earlier ("" = none):
    # the minority right is used once per ärende (record/minority.py).
    minority: str = ""


@dataclass
class Previous:
    """What the new meeting needs from the previous one."""

    meeting: Meeting
    last_paragraph: int | None  # the highest § of its minutes (None: none numbered)
    unfinished: list[Unfinished] = field(default_factory=list)
    # items neither decided nor tabled nor referred back (the meeting ran out of time, or
    # was not closed): they do not come back by themselves, so `new` names them
    not_handled: list[str] = field(default_factory=list)


@dataclass
class AgendaFacts:
    """The parts of an imported agenda the new meeting takes."""

    date: dt.date | None = None
    start: dt.time | None = None
    place: str = ""
    body: str = ""
    items: list[Item] = field(default_factory=list)


def history_line(previous_date: dt.date, unfinished: Unfinished) -> str:
    """'Bordlagt 2007-09-25 § 112.' / 'Återremitterat 2007-09-25 § 115.'"""
    verb = "Bordlagt" if unfinished.status == "tabled" else "Återremitterat"
    number = f" § {unfinished.number}" if unfinished.number is not None else ""
    forced = unfinished.minority and unfinished.minority != unfinished.item.minority_used
    how = f" ({MINORITY_NOUN[unfinished.minority]})" if forced else ""
    return f"{verb} {previous_date.isoformat()}{number}{how}."


def first_paragraph(previous: Previous, date: dt.date) -> int:
    """One more than the last § when the year is the same; § 1 in a new year."""
    if previous.meeting.date.year != date.year:
        return 1
    if previous.last_paragraph is not None:
        return previous.last_paragraph + 1
    return previous.meeting.first_paragraph or 1


def _marked(item: Item, previous: Meeting, unfinished: Unfinished) -> Item:
    """`item` with the history line (and the reason of a referral) in its history section."""
    text = history_line(previous.date, unfinished)
    if unfinished.status != "tabled" and unfinished.reason:
        text += f" Motivering: {unfinished.reason.strip()}"
    sections = list(item.extra_sections)
    for k, section in enumerate(sections):
        if section.title == HISTORY_TITLE:  # tabled again: the older lines stay first
            sections[k] = Section(HISTORY_TITLE, f"{section.text}\n\n{text}")
            break
    else:
        sections.insert(0, Section(HISTORY_TITLE, text))
    category = TABLED_CATEGORY if unfinished.status == "tabled" else REFERRED_CATEGORY
    return dataclasses.replace(
        item,
        extra_sections=tuple(sections),
        category=category,
        minority_used=unfinished.minority or item.minority_used,
    )


def _same_case(a: Item, b: Item) -> bool:
    def key(dnr: str) -> str:
        return re.sub(r"^dnr\W*|\W", "", dnr.lower())

    if a.dnr and b.dnr:
        return key(a.dnr) == key(b.dnr)
    return " ".join(a.title.casefold().split()) == " ".join(b.title.casefold().split())


def _fill(agenda_item: Item, carried: Item) -> Item:
    """The agenda's item, with the carried item's report text where the agenda has none."""
    values = {}
    for f in dataclasses.fields(Item):
        if f.name in ("id", "title", "category"):
            continue
        if not getattr(agenda_item, f.name) and getattr(carried, f.name):
            values[f.name] = getattr(carried, f.name)
    if carried.extra_sections:  # the history section is carried even when the agenda has text
        own = [s for s in agenda_item.extra_sections if s.title != HISTORY_TITLE]
        history = [s for s in carried.extra_sections if s.title == HISTORY_TITLE]
        values["extra_sections"] = tuple(history + own) if own else carried.extra_sections
    return dataclasses.replace(agenda_item, **values)


def _merge_items(carried: list[Item], agenda_items: list[Item]) -> tuple[list[Item], list[str]]:
    """The agenda's items with the carried ones merged in or inserted after the opening."""
    items = list(agenda_items)
    notes: list[str] = []
    rest: list[Item] = []
    for item in carried:
        k = next((k for k, a in enumerate(items) if _same_case(a, item)), None)
        if k is None:
            rest.append(item)
        else:
            items[k] = _fill(items[k], item)
            notes.append(
                f"{item.title}: finns i föredragningslistan, markerat som tidigare behandlat"
            )
    at = 0
    while at < len(items) and _OPENING.search(items[at].title):
        at += 1
    taken = {i.id for i in items}
    placed = []
    for item in rest:
        new_id = unique_id(item.id, taken)
        taken.add(new_id)
        placed.append(dataclasses.replace(item, id=new_id))
    return items[:at] + placed + items[at:], notes


def next_meeting(
    previous: Previous, date: dt.date, agenda: AgendaFacts | None = None
) -> tuple[Meeting, list[str]]:
    """The next meeting and notes for the user (what was carried, what was merged)."""
    old = previous.meeting
    agenda = agenda or AgendaFacts()
    notes: list[str] = []
    carried = [_marked(u.item, old, u) for u in previous.unfinished]
    for u in previous.unfinished:
        notes.append(f"{u.item.title}: {history_line(old.date, u).rstrip('.').lower()}")
    items, merged = _merge_items(carried, agenda.items)
    notes += merged
    if agenda.body and agenda.body.casefold() != old.body.casefold():
        notes.append(
            f"föredragningslistan gäller {agenda.body!r} men förra protokollet {old.body!r}; "
            "nämnden från protokollet används"
        )
    meeting = Meeting(
        body=old.body,
        date=date,
        start=agenda.start or old.start,
        place=agenda.place or old.place,
        first_paragraph=first_paragraph(previous, date),
        secretary=old.secretary,
        kept_at=old.kept_at,
        members=old.members,
        items=tuple(items),
        # The body's own rules and the names the public version masks (an item carried over
        # may name them): dropped before, so the next web version printed them (qa).
        paragraph_prefix=old.paragraph_prefix,
        minority_right=old.minority_right,
        minority_fraction=old.minority_fraction,
        personal_data=old.personal_data,
    )
    return meeting, notes
