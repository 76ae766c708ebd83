"""Every act of the secretary is an event. The record is a fold over them.

Events are small frozen dataclasses with JSON-friendly fields (str, int, bool, lists of
str, None). Each class has a unique `TYPE` string, the `type` field of its journal line.
Times of day are "HH:MM" strings (what the minutes print); dates are "YYYY-MM-DD".
Items are named by their id (`Item.id`), members by their name (`Member.name`), motions by
their id within the item ("y1", "y2", … assigned by the caller, see `next_motion_id`).

`to_dict`/`from_dict` are the only (de)serialisation; the journal adds seq, time and a
checksum around them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from namndtui.textcheck import storable_problem
from namndtui.vocabulary import FORMAL_KINDS as FORMAL_KINDS
from namndtui.vocabulary import MOTION_PHRASES, VOTE_ANSWERS

# Motion kinds (FORMAT.md) and their Swedish phrase in the minutes; vote answers
# (namndtui.vocabulary holds them, these names stay for the readers that import them here).
MOTION_KINDS: dict[str, str] = MOTION_PHRASES
VOTE_CHOICES = VOTE_ANSWERS

_E = TypeVar("_E", bound="Event")


def _event(cls: type[_E]) -> type[_E]:
    """`@dataclass(frozen=True)` for an event, with `__eq__`, `__hash__` and `__repr__`
    shared from `Event` instead of generated per class: each generated method costs an
    `exec` at import, and this module is imported before the TUI's first frame. Same
    behaviour as the generated ones (field-wise, same class only)."""
    cls = dataclass(frozen=True, repr=False, eq=False)(cls)
    cls._NAMES = tuple(f.name for f in dataclasses.fields(cls))
    return cls


@dataclass(frozen=True, repr=False, eq=False)
class Event:
    """Base class. `TYPE` names the event in the journal."""

    TYPE: ClassVar[str] = ""
    _NAMES: ClassVar[tuple[str, ...]] = ()  # the field names, set by `_event`

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._NAMES)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        args = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._NAMES)
        return f"{type(self).__qualname__}({args})"

    def to_dict(self) -> dict[str, Any]:
        data = {"type": self.TYPE}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            data[f.name] = list(value) if isinstance(value, tuple) else value
        return data

    def describe(self) -> str:
        """A short Swedish description for notices ("Ångrade: yrkande av Anna Ek")."""
        return EVENT_DESCRIPTIONS.get(self.TYPE, self.TYPE)

    @property
    def item_id(self) -> str:
        """The id of the item the event is on; "" for one of the meeting as a whole (and
        for a substitute serving from the start of the meeting)."""
        item = vars(self).get("item") if "item" in self._NAMES else None
        return item if isinstance(item, str) else ""


# --- the meeting --------------------------------------------------------------------------


@_event
class MeetingOpened(Event):
    TYPE: ClassVar[str] = "meeting_opened"
    at: str  # "19:00"


@_event
class MeetingAdjourned(Event):
    TYPE: ClassVar[str] = "meeting_adjourned"
    at: str  # ajournering (break) starts


@_event
class MeetingResumed(Event):
    TYPE: ClassVar[str] = "meeting_resumed"
    at: str


@_event
class MeetingClosed(Event):
    TYPE: ClassVar[str] = "meeting_closed"
    at: str


# --- attendance ---------------------------------------------------------------------------


@_event
class AttendanceSet(Event):
    """Roll call: a member (seat or substitute) is present or absent from the start."""

    TYPE: ClassVar[str] = "attendance_set"
    member: str
    present: bool


@_event
class MemberArrived(Event):
    """A member arrives during the meeting; takes part from `item` (its §) on."""

    TYPE: ClassVar[str] = "member_arrived"
    member: str
    item: str
    at: str = ""


@_event
class MemberLeft(Event):
    """A member leaves during the meeting; takes no part from `item` (its §) on."""

    TYPE: ClassVar[str] = "member_left"
    member: str
    item: str
    at: str = ""


@_event
class SubstituteServes(Event):
    """An ersättare serves (tjänstgör) in `for_member`'s seat from `item` on."""

    TYPE: ClassVar[str] = "substitute_serves"
    substitute: str
    for_member: str
    item: str = ""  # "" = from the start of the meeting


@_event
class SubstituteStops(Event):
    """The ersättare stops serving from `item` on (e.g. the member has arrived)."""

    TYPE: ClassVar[str] = "substitute_stops"
    substitute: str
    item: str


@_event
class OfficialPresent(Event):
    """Someone present who is not a member (tjänsteman), for the minutes' header."""

    TYPE: ClassVar[str] = "official_present"
    name: str
    title: str = ""
    present: bool = True


@_event
class AdjustersChosen(Event):
    TYPE: ClassVar[str] = "adjusters_chosen"
    members: tuple[str, ...]


@_event
class AdjusterSubstituteChosen(Event):
    """Who justers in a justerare's place if needed: 'Karin Sjöberg (S) med Magnus Tornberg
    (M) som ersättare' ("" = no one). An event of its own, so journals without it stay
    readable by older versions."""

    TYPE: ClassVar[str] = "adjuster_substitute_chosen"
    member: str = ""


@_event
class JusteringPlanned(Event):
    """When and where the minutes will be justered (decided at the meeting)."""

    TYPE: ClassVar[str] = "justering_planned"
    date: str  # "2007-10-30"
    time: str = ""  # "15:00"
    place: str = ""


# --- an item ------------------------------------------------------------------------------


@_event
class ItemCalled(Event):
    """The chair calls the item; it gets the next § number if it has none."""

    TYPE: ClassVar[str] = "item_called"
    item: str
    at: str = ""
    presenter: str = ""  # föredragande


@_event
class Recused(Event):
    """Jäv: `member` leaves for `item`; `substitute` (optional) serves in the seat."""

    TYPE: ClassVar[str] = "recused"
    item: str
    member: str
    substitute: str = ""


@_event
class MotionMade(Event):
    TYPE: ClassVar[str] = "motion_made"
    item: str
    motion: str  # id within the item: "y1", "y2", …
    by: str
    kind: str  # one of MOTION_KINDS
    text: str = ""
    joined: tuple[str, ...] = ()


@_event
class MotionAmended(Event):
    """Yrkande ändrat: the text of motion `motion` as it was really moved (a slip in
    typing it, found after later acts). The minutes show only the amended text."""

    TYPE: ClassVar[str] = "motion_amended"
    item: str
    motion: str
    text: str


@_event
class MotionJoined(Event):
    """`member` instämmer i yrkandet."""

    TYPE: ClassVar[str] = "motion_joined"
    item: str
    motion: str
    member: str


@_event
class MotionWithdrawn(Event):
    TYPE: ClassVar[str] = "motion_withdrawn"
    item: str
    motion: str


@_event
class PropositionOrderSet(Event):
    """The order in which the chair puts the motions (motion ids). Journals before the
    question model only: the fold reads it, procedure.check refuses it as a new act."""

    TYPE: ClassVar[str] = "proposition_order_set"
    item: str
    order: tuple[str, ...]


@_event
class ChairFinding(Event):
    """Ordföranden finner att nämnden beslutat enligt `motion` (acklamation). Journals
    before the question model only (now QuestionDecided): the fold reads it as the finding
    of the question the motion belongs to; procedure.check refuses it as a new act."""

    TYPE: ClassVar[str] = "chair_finding"
    item: str
    motion: str


@_event
class QuestionDecided(Event):
    """The chair puts `question` (record/questions.py: "main" or the id of a formal motion
    or tilläggsyrkande) and finds that the board decides for `finding` (a proposal id)."""

    TYPE: ClassVar[str] = "question_decided"
    item: str
    question: str
    finding: str


@_event
class MinorityDemand(Event):
    """Begärd av minoritet: the formal motion `motion` (återremiss or bordläggning) is
    supported by `supporters` of the `present` members serving on the item, enough under
    the body's minority right (record/minority.py): the item is återremitterat / bordlagt
    without a majority (minoritetsåterremiss, minoritetsbordläggning)."""

    TYPE: ClassVar[str] = "minority_demand"
    item: str
    motion: str
    supporters: int
    present: int


@_event
class VoteDemanded(Event):
    """Votering begärd. Opens round `round`: "ja för `yes`, nej för `no`" (motion ids).

    With more than two proposals, round 1 is the kontrapropositionsvotering (choosing the
    counter-proposal among the others) and round 2 the main vote.
    """

    TYPE: ClassVar[str] = "vote_demanded"
    item: str
    round: int
    yes: str
    no: str
    demanded_by: str = ""
    # The question voted on (record/questions.py): "" = the main question, with motion ids
    # as yes/no (journals before the question model); else "main" or a formal motion's or
    # tilläggsyrkande's id, with proposal ids as yes/no ("today", "proposal", motion ids).
    question: str = ""


@_event
class VoteCast(Event):
    TYPE: ClassVar[str] = "vote_cast"
    item: str
    round: int
    member: str
    vote: str  # ja | nej | avstår


@_event
class VoteClosed(Event):
    """The round is counted. `casting` is the chair's utslagsröst on a tie ("ja"/"nej")."""

    TYPE: ClassVar[str] = "vote_closed"
    item: str
    round: int
    casting: str = ""


@_event
class VoteCorrected(Event):
    """Röst rättad: one ballot of a counted round was recorded wrong (`vote` is the right
    one). The minutes show only the corrected round; the journal keeps both. `casting` is
    the chair's utslagsröst when the corrected round is tied."""

    TYPE: ClassVar[str] = "vote_corrected"
    item: str
    round: int
    member: str
    vote: str  # ja | nej | avstår
    casting: str = ""


@_event
class DecisionRecorded(Event):
    """The decision as taken, one string per point (default: the proposed decision)."""

    TYPE: ClassVar[str] = "decision_recorded"
    item: str
    points: tuple[str, ...]


@_event
class ImmediateJustificationSet(Event):
    TYPE: ClassVar[str] = "immediate_justification_set"
    item: str
    value: bool


@_event
class SecrecySet(Event):
    """The secretary marks the item secret on `ground` ("OSL 26 kap. 1 §") or, with
    `ground` "", public — overriding meeting.toml's `secrecy`. Before the item is decided;
    it does not call the item (namndtui.secrecy)."""

    TYPE: ClassVar[str] = "secrecy_set"
    item: str
    ground: str = ""


@_event
class ReservationMade(Event):
    TYPE: ClassVar[str] = "reservation_made"
    item: str
    member: str
    text: str = ""  # skriftlig reservation, may arrive later (a new event replaces the text)
    motion: str = ""  # "till förmån för eget yrkande": the member's own motion id


@_event
class NoteAdded(Event):
    """Protokollsanteckning."""

    TYPE: ClassVar[str] = "note_added"
    item: str
    text: str
    by: str = ""  # member or party; "" = the chair/secretary's note


@_event
class StatementAdded(Event):
    """Särskilt uttalande."""

    TYPE: ClassVar[str] = "statement_added"
    item: str
    by: str
    text: str


@_event
class ItemTabled(Event):
    """Bordlagt: no decision; the item keeps a §."""

    TYPE: ClassVar[str] = "item_tabled"
    item: str


@_event
class ItemReferredBack(Event):
    """Återremitterat to the administration, with the reason the board gave."""

    TYPE: ClassVar[str] = "item_referred_back"
    item: str
    reason: str = ""


@_event
class ParagraphJustified(Event):
    """The paragraph is justified (omedelbart, at the meeting): locked from now on."""

    TYPE: ClassVar[str] = "paragraph_justified"
    item: str


@_event
class MinutesJustified(Event):
    """The whole minutes are justered on `date`: every paragraph is locked."""

    TYPE: ClassVar[str] = "minutes_justified"
    date: str
    posted: str = ""  # date announced on the anslagstavla, if known


@_event
class MinutesPosted(Event):
    """The justered minutes were announced on the anslagstavla on `date` (often a day or
    two after the justering, so an act of its own; MinutesJustified.posted when known)."""

    TYPE: ClassVar[str] = "minutes_posted"
    date: str


@_event
class MinutesSealed(Event):
    """The seal (`checksum`, sha256 over the whole protokoll.toml but its [seal]) of the
    justered minutes as written, recorded with the justering (and with each later
    version), so that the journal and the file cross-check (docs/reliability.md)."""

    TYPE: ClassVar[str] = "minutes_sealed"
    checksum: str  # "sha256:…", the [seal] checksum of protokoll.toml
    version: int = 1  # the minutes' version (a rewrite with --force makes a new one)
    covers: str = ""  # Swedish: what the seal covers ("… och § 140–163")
    # An ed25519 signature of the seal, when the secretary has a key (minutes/signing.py):
    # "ed25519:<base64>" both; printed in protokoll.toml's [seal] while the seal holds.
    signature: str = ""
    public_key: str = ""


@_event
class MinutesRevised(Event):
    """Justered minutes rewritten on purpose (`export --force`): the old version is kept
    as `previous` beside the new one, `changes` says what differs (Swedish lines)."""

    TYPE: ClassVar[str] = "minutes_revised"
    version: int  # the new version's number (2, 3, …)
    previous: str  # the file the old version was kept as, e.g. "protokoll.v1.toml"
    date: str  # the day of the rewrite, YYYY-MM-DD
    changes: tuple[str, ...] = ()


# Acts after the justering that concern the minutes as a document, not the meeting: the
# only acts the justered minutes still take besides corrections, never taken back in the TUI.
JUSTERING_BOOKS = (MinutesPosted, MinutesSealed, MinutesRevised)


@_event
class AdjustmentNoteAdded(Event):
    """Justeringsanteckning: a justerare's objection to the wording of the §, entered at or
    before the justering and printed with the §."""

    TYPE: ClassVar[str] = "adjustment_note_added"
    item: str
    by: str
    text: str


@_event
class CorrectionMade(Event):
    """A change to a locked paragraph: `change` is the event (as dict) it applies."""

    TYPE: ClassVar[str] = "correction_made"
    item: str
    reason: str
    change: dict[str, Any] = field(default_factory=dict)


@_event
class Undone(Event):
    """Undo the event with sequence number `target`. Nothing is erased from the journal."""

    TYPE: ClassVar[str] = "undone"
    target: int


@_event
class Redone(Event):
    """Redo the event `target` that an earlier `Undone` took back."""

    TYPE: ClassVar[str] = "redone"
    target: int


@_event
class ActGrouped(Event):
    """The acts from `first` up to this line are one act of the secretary (one key, one
    form): undo and redo take them back and bring them back together. Written after an
    act of more than one event; a journal without it has one act per event."""

    TYPE: ClassVar[str] = "act_grouped"
    first: int


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

EVENT_DESCRIPTIONS: dict[str, str] = {
    "meeting_opened": "sammanträdet öppnat",
    "meeting_adjourned": "ajournering",
    "meeting_resumed": "sammanträdet återupptaget",
    "meeting_closed": "sammanträdet avslutat",
    "attendance_set": "närvaro",
    "member_arrived": "ankomst",
    "member_left": "avgång",
    "substitute_serves": "ersättare tjänstgör",
    "substitute_stops": "ersättare slutar tjänstgöra",
    "official_present": "övriga närvarande",
    "adjusters_chosen": "val av justerare",
    "adjuster_substitute_chosen": "val av ersättare för justerare",
    "justering_planned": "tid och plats för justering",
    "item_called": "ärendet uppropat",
    "recused": "jäv",
    "motion_made": "yrkande",
    "motion_amended": "yrkande ändrat",
    "vote_corrected": "röst rättad",
    "motion_joined": "instämmande",
    "motion_withdrawn": "återtaget yrkande",
    "proposition_order_set": "propositionsordning",
    "chair_finding": "ordförandens proposition",
    "question_decided": "proposition",
    "minority_demand": "begärd av minoritet",
    "vote_demanded": "votering begärd",
    "vote_cast": "röst",
    "vote_closed": "voteringsresultat",
    "decision_recorded": "beslut",
    "immediate_justification_set": "omedelbar justering",
    "secrecy_set": "sekretessmarkering",
    "reservation_made": "reservation",
    "note_added": "protokollsanteckning",
    "statement_added": "särskilt uttalande",
    "item_tabled": "bordläggning",
    "item_referred_back": "återremiss",
    "paragraph_justified": "paragrafen justerad",
    "minutes_justified": "protokollet justerat",
    "minutes_posted": "tillkännagivande på anslagstavlan",
    "minutes_sealed": "protokollets sigill",
    "minutes_revised": "ny version av det justerade protokollet",
    "adjustment_note_added": "justeringsanteckning",
    "correction_made": "rättelse",
    "undone": "ångra",
    "redone": "gör om",
    "act_grouped": "åtgärden",
}


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
    return cls(**kwargs)


_DATE_FIELDS = ("date", "posted")  # the events' dates (justering, posting, revision)


def _date_problem(value: Any) -> str:
    """The bound on a journal act's date (tomlcheck.DATE_RANGE); '' when fine or not a
    date at all (the rules speak about that when the act is made)."""
    import datetime as dt

    from namndtui.tomlcheck import date_range_problem

    if not isinstance(value, str) or not value:
        return ""
    try:
        return date_range_problem(dt.date.fromisoformat(value))
    except ValueError:
        return ""


_FIELD_TYPES = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "tuple[str, ...]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "dict[str, Any]": lambda v: isinstance(v, dict),
}


def next_motion_id(existing: list[str] | tuple[str, ...]) -> str:
    """The next free motion id in an item: y1, y2, …"""
    numbers = [int(m[1:]) for m in existing if m.startswith("y") and m[1:].isdigit()]
    return f"y{max(numbers, default=0) + 1}"
