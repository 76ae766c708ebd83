"""Every act of the secretary is an event. The record is a fold over them.

This module is where the rest of the code takes the events from (`from namndtui.record
import events as ev`; `ev.MotionMade`, `ev.from_dict`): the registry of every kind by its
journal `type`, and `to_dict`/`from_dict`, the only (de)serialisation (the journal adds
seq, time and a checksum around them). What an event is, with its Swedish name:
record/event_base.py. The events themselves, by family: record/meeting_events.py (the
sitting, attendance, the minutes as a document, the journal's own acts) and
record/item_events.py (an item's: motions, questions, votes, decisions, reservations …).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from namndtui.record.event_base import EVENT_DESCRIPTIONS as EVENT_DESCRIPTIONS
from namndtui.record.event_base import Event as Event
from namndtui.record.item_events import (
    AdjustmentNoteAdded,
    ChairFinding,
    CorrectionMade,
    DecisionRecorded,
    ImmediateJustificationSet,
    ItemCalled,
    ItemReferredBack,
    ItemTabled,
    MinorityDemand,
    MotionAmended,
    MotionJoined,
    MotionMade,
    MotionWithdrawn,
    NoteAdded,
    ParagraphJustified,
    PropositionOrderSet,
    QuestionDecided,
    Recused,
    ReservationMade,
    SecrecySet,
    StatementAdded,
    VoteCast,
    VoteClosed,
    VoteCorrected,
    VoteDemanded,
)
from namndtui.record.item_events import ItemEvent as ItemEvent
from namndtui.record.item_events import next_motion_id as next_motion_id
from namndtui.record.meeting_events import JUSTERING_BOOKS as JUSTERING_BOOKS
from namndtui.record.meeting_events import (
    ActGrouped,
    AdjustersChosen,
    AdjusterSubstituteChosen,
    AttendanceSet,
    JusteringPlanned,
    MeetingAdjourned,
    MeetingClosed,
    MeetingOpened,
    MeetingResumed,
    MemberArrived,
    MemberLeft,
    MinutesJustified,
    MinutesPosted,
    MinutesRevised,
    MinutesSealed,
    OfficialPresent,
    Redone,
    SubstituteServes,
    SubstituteStops,
    Undone,
)
from namndtui.textcheck import storable_problem
from namndtui.vocabulary import FORMAL_KINDS as FORMAL_KINDS
from namndtui.vocabulary import MOTION_PHRASES, VOTE_ANSWERS

# Motion kinds (FORMAT.md) and their Swedish phrase in the minutes; vote answers
# (namndtui.vocabulary holds them, these names stay for the readers that import them here).
MOTION_KINDS: dict[str, str] = MOTION_PHRASES
VOTE_CHOICES = VOTE_ANSWERS


EVENT_TYPES: dict[str, type[Event]] = {
    cls.TYPE: cls
    for cls in (
        MeetingOpened, MeetingAdjourned, MeetingResumed, MeetingClosed,
        AttendanceSet, MemberArrived, MemberLeft, SubstituteServes, SubstituteStops,
        OfficialPresent, AdjustersChosen, AdjusterSubstituteChosen, JusteringPlanned,
        ItemCalled, Recused, MotionMade, MotionAmended, MotionJoined, MotionWithdrawn, PropositionOrderSet,
        ChairFinding, QuestionDecided, MinorityDemand, VoteDemanded, VoteCast, VoteClosed, VoteCorrected,
        DecisionRecorded,
        ImmediateJustificationSet, SecrecySet, ReservationMade, NoteAdded, StatementAdded,
        ItemTabled, ItemReferredBack, ParagraphJustified, MinutesJustified, MinutesPosted,
        MinutesSealed, MinutesRevised, AdjustmentNoteAdded, CorrectionMade,
        Undone, Redone, ActGrouped,
    )
}  # fmt: skip


class EventFormatError(ValueError):
    """A journal line whose payload is not a known, well-formed event."""


def from_dict(data: dict[str, Any]) -> Event:
    """Build an event from its dict; raises EventFormatError with a Swedish reason."""
    if not isinstance(data, dict):
        raise EventFormatError("händelsen är inte ett objekt")
    kind = data.get("type")
    cls = EVENT_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise EventFormatError(f"okänd händelsetyp {kind!r}")
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise EventFormatError(f"{kind}: saknar fältet {f.name!r}")
            continue
        value = data[f.name]
        expected = _FIELD_TYPES.get(f.type if isinstance(f.type, str) else "")
        if expected is not None and not expected(value):
            raise EventFormatError(f"{kind}: fältet {f.name!r} har fel typ")
        for text in [value] if isinstance(value, str) else value if isinstance(value, list) else ():
            if isinstance(text, str) and (problem := storable_problem(text)):
                raise EventFormatError(f"{kind}: fältet {f.name!r}: {problem}")
        kwargs[f.name] = tuple(value) if isinstance(value, list) else value
    unknown = set(data) - {"type"} - {f.name for f in dataclasses.fields(cls)}
    if unknown:
        raise EventFormatError(f"{kind}: okända fält {sorted(unknown)}")
    for name in _DATE_FIELDS:  # 9999-12-31 recorded before the bound made export crash
        if problem := _date_problem(kwargs.get(name)):
            raise EventFormatError(f"{kind}: fältet {name!r}: {problem}")
    if problem := _format_problem(kind, kwargs):
        raise EventFormatError(f"{kind}: {problem}")
    return cls(**kwargs)


_DATE_FIELDS = ("date", "posted")  # the events' dates (justering, posting, revision)


def _date_problem(value: Any) -> str:
    """The bound on a journal act's date (tomlcheck.DATE_RANGE) and its form: '' when fine
    or empty ("posted" may be; a required date is a field without a default)."""
    import datetime as dt

    from namndtui.tomlcheck import date_range_problem

    if not isinstance(value, str) or not value:
        return ""
    try:
        return date_range_problem(dt.date.fromisoformat(value))
    except ValueError:
        return f"ogiltigt datum {value!r}"


# What the rules (record/checks.py) have always required of every live act, whatever the
# state: a journal line that breaks it was not written by namndtui (forged, or edited with
# its checksum recomputed). Refused as damaged, it can no longer print "kl. 99.99" in the
# minutes or make export write a protokoll.toml that namndtui itself refuses.
_TIME_FIELDS = ("at", "time")  # "" or TT:MM
_CHOICES: dict[tuple[str, str], Any] = {
    ("motion_made", "kind"): MOTION_PHRASES,
    ("vote_cast", "vote"): VOTE_ANSWERS,
    ("vote_corrected", "vote"): VOTE_ANSWERS,
    ("vote_closed", "casting"): ("", "ja", "nej"),
    ("vote_corrected", "casting"): ("", "ja", "nej"),
}
_LEAST = {("minutes_sealed", "version"): 1, ("minutes_revised", "version"): 2}
_REQUIRED_TEXT = (("official_present", "name"), ("minutes_revised", "previous"))


def _format_problem(kind: str, values: dict[str, Any]) -> str:
    """Why the fields of an act of `kind` cannot be one namndtui recorded; '' if they can."""
    import re

    for name in _TIME_FIELDS:
        value = values.get(name)
        if value and not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
            return f"fältet {name!r}: ogiltig tid {value!r} (TT:MM)"
    for (of, name), allowed in _CHOICES.items():
        if of == kind and name in values and values[name] not in allowed:
            return f"fältet {name!r}: okänt värde {values[name]!r}"
    for (of, name), least in _LEAST.items():
        if of == kind and name in values and not least <= values[name] <= 999_999:
            return f"fältet {name!r}: {values[name]} ligger utanför {least}–999999"
    for of, name in _REQUIRED_TEXT:
        if of == kind and not str(values.get(name, "")).strip():
            return f"fältet {name!r} är tomt"
    return ""


_FIELD_TYPES = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "tuple[str, ...]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "dict[str, Any]": lambda v: isinstance(v, dict),
}
