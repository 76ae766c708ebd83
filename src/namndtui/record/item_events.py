"""The events on an agenda item: it is called, recused from, moved on (yrkanden), put to
the chair's question and voted on, decided, reserved against and noted; tabled or referred
back; justified at once, objected to by a justerare, corrected after its justering.

record/event_base.py says what an event is; record/events.py is where the rest of the code
imports them from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from namndtui.record.event_base import Event, frozen_event


@dataclass(frozen=True, repr=False, eq=False)
class ItemEvent(Event):
    """An act about an agenda item, `item` its id. The attendance changes name the § they
    happen at (`item`, "" = from the start) but are not acts about it, and a rättelse's
    `item` may be "" (the minutes as a whole): neither is an ItemEvent. The rules ask
    `isinstance(event, ItemEvent)`, never the value, so an act with an empty or unknown
    item id is refused as such."""

    item: str


# --- an item ------------------------------------------------------------------------------


@frozen_event
class ItemCalled(ItemEvent):
    """The chair calls the item; it gets the next § number if it has none."""

    TYPE: ClassVar[str] = "item_called"
    item: str
    at: str = ""
    presenter: str = ""  # föredragande


@frozen_event
class Recused(ItemEvent):
    """Jäv: `member` leaves for `item`; `substitute` (optional) serves in the seat."""

    TYPE: ClassVar[str] = "recused"
    item: str
    member: str
    substitute: str = ""


@frozen_event
class MotionMade(ItemEvent):
    TYPE: ClassVar[str] = "motion_made"
    item: str
    motion: str  # id within the item: "y1", "y2", …
    by: str
    kind: str  # one of MOTION_KINDS
    text: str = ""
    joined: tuple[str, ...] = ()


@frozen_event
class MotionAmended(ItemEvent):
    """Yrkande ändrat: the text of motion `motion` as it was really moved (a slip in
    typing it, found after later acts). The minutes show only the amended text."""

    TYPE: ClassVar[str] = "motion_amended"
    item: str
    motion: str
    text: str


@frozen_event
class MotionJoined(ItemEvent):
    """`member` instämmer i yrkandet."""

    TYPE: ClassVar[str] = "motion_joined"
    item: str
    motion: str
    member: str


@frozen_event
class MotionWithdrawn(ItemEvent):
    TYPE: ClassVar[str] = "motion_withdrawn"
    item: str
    motion: str


@frozen_event
class PropositionOrderSet(ItemEvent):
    """The order in which the chair puts the motions (motion ids). Journals before the
    question model only: the fold reads it, procedure.check refuses it as a new act."""

    TYPE: ClassVar[str] = "proposition_order_set"
    item: str
    order: tuple[str, ...]


@frozen_event
class ChairFinding(ItemEvent):
    """Ordföranden finner att nämnden beslutat enligt `motion` (acklamation). Journals
    before the question model only (now QuestionDecided): the fold reads it as the finding
    of the question the motion belongs to; procedure.check refuses it as a new act."""

    TYPE: ClassVar[str] = "chair_finding"
    item: str
    motion: str


@frozen_event
class QuestionDecided(ItemEvent):
    """The chair puts `question` (record/questions.py: "main" or the id of a formal motion
    or tilläggsyrkande) and finds that the board decides for `finding` (a proposal id)."""

    TYPE: ClassVar[str] = "question_decided"
    item: str
    question: str
    finding: str


@frozen_event
class MinorityDemand(ItemEvent):
    """Begärd av minoritet: the formal motion `motion` (återremiss or bordläggning) is
    supported by `supporters` of the `present` members serving on the item, enough under
    the body's minority right (record/minority.py): the item is återremitterat / bordlagt
    without a majority (minoritetsåterremiss, minoritetsbordläggning)."""

    TYPE: ClassVar[str] = "minority_demand"
    item: str
    motion: str
    supporters: int
    present: int


@frozen_event
class VoteDemanded(ItemEvent):
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


@frozen_event
class VoteCast(ItemEvent):
    TYPE: ClassVar[str] = "vote_cast"
    item: str
    round: int
    member: str
    vote: str  # ja | nej | avstår


@frozen_event
class VoteClosed(ItemEvent):
    """The round is counted. `casting` is the chair's utslagsröst on a tie ("ja"/"nej")."""

    TYPE: ClassVar[str] = "vote_closed"
    item: str
    round: int
    casting: str = ""


@frozen_event
class VoteCorrected(ItemEvent):
    """Röst rättad: one ballot of a counted round was recorded wrong (`vote` is the right
    one). The minutes show only the corrected round; the journal keeps both. `casting` is
    the chair's utslagsröst when the corrected round is tied."""

    TYPE: ClassVar[str] = "vote_corrected"
    item: str
    round: int
    member: str
    vote: str  # ja | nej | avstår
    casting: str = ""


@frozen_event
class DecisionRecorded(ItemEvent):
    """The decision as taken, one string per point (default: the proposed decision)."""

    TYPE: ClassVar[str] = "decision_recorded"
    item: str
    points: tuple[str, ...]


@frozen_event
class ImmediateJustificationSet(ItemEvent):
    TYPE: ClassVar[str] = "immediate_justification_set"
    item: str
    value: bool


@frozen_event
class SecrecySet(ItemEvent):
    """The secretary marks the item secret on `ground` ("OSL 26 kap. 1 §") or, with
    `ground` "", public — overriding meeting.toml's `secrecy`. Before the item is decided;
    it does not call the item (namndtui.secrecy)."""

    TYPE: ClassVar[str] = "secrecy_set"
    item: str
    ground: str = ""


@frozen_event
class ReservationMade(ItemEvent):
    TYPE: ClassVar[str] = "reservation_made"
    item: str
    member: str
    text: str = ""  # skriftlig reservation, may arrive later (a new event replaces the text)
    motion: str = ""  # "till förmån för eget yrkande": the member's own motion id


@frozen_event
class NoteAdded(ItemEvent):
    """Protokollsanteckning."""

    TYPE: ClassVar[str] = "note_added"
    item: str
    text: str
    by: str = ""  # member or party; "" = the chair/secretary's note


@frozen_event
class StatementAdded(ItemEvent):
    """Särskilt uttalande."""

    TYPE: ClassVar[str] = "statement_added"
    item: str
    by: str
    text: str


@frozen_event
class ItemTabled(ItemEvent):
    """Bordlagt: no decision; the item keeps a §."""

    TYPE: ClassVar[str] = "item_tabled"
    item: str


@frozen_event
class ItemReferredBack(ItemEvent):
    """Återremitterat to the administration, with the reason the board gave."""

    TYPE: ClassVar[str] = "item_referred_back"
    item: str
    reason: str = ""


@frozen_event
class ParagraphJustified(ItemEvent):
    """The paragraph is justified (omedelbart, at the meeting): locked from now on."""

    TYPE: ClassVar[str] = "paragraph_justified"
    item: str


@frozen_event
class AdjustmentNoteAdded(ItemEvent):
    """Justeringsanteckning: a justerare's objection to the wording of the §, entered at or
    before the justering and printed with the §."""

    TYPE: ClassVar[str] = "adjustment_note_added"
    item: str
    by: str
    text: str


@frozen_event
class CorrectionMade(Event):
    """A change to a locked paragraph: `change` is the event (as dict) it applies."""

    TYPE: ClassVar[str] = "correction_made"
    item: str
    reason: str
    change: dict[str, Any] = field(default_factory=dict)


def next_motion_id(existing: list[str] | tuple[str, ...]) -> str:
    """The next free motion id in an item: y1, y2, …"""
    numbers = [int(m[1:]) for m in existing if m.startswith("y") and m[1:].isdigit()]
    return f"y{max(numbers, default=0) + 1}"
