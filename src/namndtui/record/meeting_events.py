"""The events of the meeting as a whole: the sitting (opened, ajournering, closed), who
attends and who justers, the minutes as a document after the meeting (justered, posted,
sealed, revised), and the journal's own acts (undo, redo, one act of several events).

record/event_base.py says what an event is; record/events.py is where the rest of the code
imports them from.
"""

from __future__ import annotations

from typing import ClassVar

from namndtui.record.event_base import Event, frozen_event

# --- the meeting --------------------------------------------------------------------------


@frozen_event
class MeetingOpened(Event):
    TYPE: ClassVar[str] = "meeting_opened"
    at: str  # "19:00"


@frozen_event
class MeetingAdjourned(Event):
    TYPE: ClassVar[str] = "meeting_adjourned"
    at: str  # ajournering (break) starts


@frozen_event
class MeetingResumed(Event):
    TYPE: ClassVar[str] = "meeting_resumed"
    at: str


@frozen_event
class MeetingClosed(Event):
    TYPE: ClassVar[str] = "meeting_closed"
    at: str


# --- attendance ---------------------------------------------------------------------------


@frozen_event
class AttendanceSet(Event):
    """Roll call: a member (seat or substitute) is present or absent from the start."""

    TYPE: ClassVar[str] = "attendance_set"
    member: str
    present: bool


@frozen_event
class MemberArrived(Event):
    """A member arrives during the meeting; takes part from `item` (its §) on."""

    TYPE: ClassVar[str] = "member_arrived"
    member: str
    item: str
    at: str = ""


@frozen_event
class MemberLeft(Event):
    """A member leaves during the meeting; takes no part from `item` (its §) on."""

    TYPE: ClassVar[str] = "member_left"
    member: str
    item: str
    at: str = ""


@frozen_event
class SubstituteServes(Event):
    """An ersättare serves (tjänstgör) in `for_member`'s seat from `item` on."""

    TYPE: ClassVar[str] = "substitute_serves"
    substitute: str
    for_member: str
    item: str = ""  # "" = from the start of the meeting


@frozen_event
class SubstituteStops(Event):
    """The ersättare stops serving from `item` on (e.g. the member has arrived)."""

    TYPE: ClassVar[str] = "substitute_stops"
    substitute: str
    item: str


@frozen_event
class OfficialPresent(Event):
    """Someone present who is not a member (tjänsteman), for the minutes' header."""

    TYPE: ClassVar[str] = "official_present"
    name: str
    title: str = ""
    present: bool = True


@frozen_event
class AdjustersChosen(Event):
    TYPE: ClassVar[str] = "adjusters_chosen"
    members: tuple[str, ...]


@frozen_event
class AdjusterSubstituteChosen(Event):
    """Who justers in a justerare's place if needed: 'Karin Sjöberg (S) med Magnus Tornberg
    (M) som ersättare' ("" = no one). An event of its own, so journals without it stay
    readable by older versions."""

    TYPE: ClassVar[str] = "adjuster_substitute_chosen"
    member: str = ""


@frozen_event
class JusteringPlanned(Event):
    """When and where the minutes will be justered (decided at the meeting)."""

    TYPE: ClassVar[str] = "justering_planned"
    date: str  # "2007-10-30"
    time: str = ""  # "15:00"
    place: str = ""


# --- the minutes as a document -------------------------------------------------------------


@frozen_event
class MinutesJustified(Event):
    """The whole minutes are justered on `date`: every paragraph is locked."""

    TYPE: ClassVar[str] = "minutes_justified"
    date: str
    posted: str = ""  # date announced on the anslagstavla, if known


@frozen_event
class MinutesPosted(Event):
    """The justered minutes were announced on the anslagstavla on `date` (often a day or
    two after the justering, so an act of its own; MinutesJustified.posted when known)."""

    TYPE: ClassVar[str] = "minutes_posted"
    date: str


@frozen_event
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


@frozen_event
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


# --- the journal's own acts ----------------------------------------------------------------


@frozen_event
class Undone(Event):
    """Undo the event with sequence number `target`. Nothing is erased from the journal."""

    TYPE: ClassVar[str] = "undone"
    target: int


@frozen_event
class Redone(Event):
    """Redo the event `target` that an earlier `Undone` took back."""

    TYPE: ClassVar[str] = "redone"
    target: int


@frozen_event
class ActGrouped(Event):
    """The acts from `first` up to this line are one act of the secretary (one key, one
    form): undo and redo take them back and bring them back together. Written after an
    act of more than one event; a journal without it has one act per event."""

    TYPE: ClassVar[str] = "act_grouped"
    first: int
