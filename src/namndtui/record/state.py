"""The state of the meeting: what the events so far add up to.

These classes are the contract between the record (which builds them by folding events,
`namndtui.record.fold`), the screens (which show them) and the minutes (which render them).
They are plain mutable dataclasses (`namndtui.datatypes`) owned by the fold; readers must not mutate them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from typing import TYPE_CHECKING, Any

from namndtui.datatypes import mutable
from namndtui.vocabulary import ParagraphStatus

if TYPE_CHECKING:  # what a paragraph and the state hold (not needed for the first frame)
    from namndtui.record.state_parts import (
        AttendanceChange,
        Correction,
        Motion,
        Note,
        Recusal,
        Reservation,
        Revision,
        Statement,
        VoteRound,
    )

# Paragraph status (what the agenda's status mark shows); see namndtui.vocabulary.
PENDING = ParagraphStatus.PENDING  # ej behandlat
IN_PROGRESS = ParagraphStatus.IN_PROGRESS  # pågår (called, or something recorded, no decision yet)
DECIDED = ParagraphStatus.DECIDED  # beslutat
TABLED = ParagraphStatus.TABLED  # bordlagt
REFERRED_BACK = ParagraphStatus.REFERRED_BACK  # återremitterat
STATUSES = (PENDING, IN_PROGRESS, DECIDED, TABLED, REFERRED_BACK)


@mutable
class Paragraph:
    """Everything recorded on one agenda item; becomes one § of the minutes."""

    item: str  # Item.id
    number: int | None = None  # § number, assigned when first handled
    status: str = PENDING
    called_at: str = ""
    presenter: str = ""
    motions: list[Motion] = field(default_factory=list)
    proposition_order: list[str] = field(default_factory=list)  # motion ids
    finding: str = ""  # motion id the chair found adopted (or the vote's winner)
    # The questions the chair put (record/questions.py): question key -> the chair's
    # finding (a proposal id), and the keys in the order they were first put.
    findings: dict[str, str] = field(default_factory=dict)
    put: list[str] = field(default_factory=list)
    ended_by: str = ""  # the formal question that ended the item (återremiss/bordläggning)
    # Formal motions forced by a minority (MinorityDemand): motion id -> (supporters, present).
    minority: dict[str, tuple[int, int]] = field(default_factory=dict)
    adjustment_notes: list[Note] = field(default_factory=list)  # justeringsanteckningar
    votes: list[VoteRound] = field(default_factory=list)
    decision: list[str] | None = None  # None = no decision recorded
    immediate_justification: bool | None = None  # None = as proposed by the item
    recusals: list[Recusal] = field(default_factory=list)
    reservations: list[Reservation] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    referral_reason: str = ""
    justified: bool = False  # locked: changes only as corrections
    corrections: list[Correction] = field(default_factory=list)
    # Who took part in this §: serving person -> the seat holder they serve for ("" = own
    # seat). A snapshot of attendance while the item was current, minus the recused.
    serving: dict[str, str] = field(default_factory=dict)
    # Secrecy marked during the meeting (SecrecySet): the legal ground, "" = public;
    # None = as the item says in meeting.toml (namndtui.secrecy.marking.secrecy_ground).
    secrecy: str | None = None

    def motion(self, motion_id: str) -> Motion | None:
        return next((m for m in self.motions if m.id == motion_id), None)

    @property
    def active_motions(self) -> list[Motion]:
        return [m for m in self.motions if not m.withdrawn]


@mutable
class RecordState:
    """The whole meeting as recorded so far."""

    opened_at: str = ""
    closed_at: str = ""
    breaks: list[tuple[str, str]] = field(default_factory=list)  # (from, to); to "" while open
    present: dict[str, bool] = field(default_factory=dict)  # member -> present now
    serving_for: dict[str, str] = field(default_factory=dict)  # substitute -> seat holder now
    changes: list[AttendanceChange] = field(default_factory=list)
    officials: list[tuple[str, str]] = field(default_factory=list)  # (name, title) present
    adjusters: list[str] = field(default_factory=list)
    adjuster_substitute: str = ""  # "med NN som ersättare" (AdjusterSubstituteChosen)
    justering_date: str = ""
    justering_time: str = ""
    justering_place: str = ""
    justered_on: str = ""  # date the minutes were justered (MinutesJustified)
    posted_on: str = ""  # date announced on the anslagstavla
    current_item: str = ""  # the item most recently called
    paragraphs: dict[str, Paragraph] = field(default_factory=dict)  # item id -> paragraph
    next_number: int = 1  # the § number the next handled item gets
    # Corrections after MinutesJustified that concern the meeting, not one § (attendance …).
    corrections: list[Correction] = field(default_factory=list)
    # Versions of justered minutes rewritten on purpose (export --force), oldest first.
    revisions: list[Revision] = field(default_factory=list)
    # Signed seals (MinutesSealed with a signature): seal checksum -> (signature, public key).
    seal_signatures: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Bookkeeping for undo/redo (owned by the fold; not part of what the meeting "is").
    # log: every (seq, time, event) applied, in journal order; done: the seqs of the acts
    # in effect, in the order they took effect; undone: seqs taken back; redo_stack: what
    # `Redone` may bring back, latest last (cleared by any new act); group_of: seq -> the
    # first seq of the secretary's act it belongs to (ActGrouped; absent = its own act).
    log: list[tuple[int, str, Any]] = field(default_factory=list, repr=False, compare=False)
    done: list[int] = field(default_factory=list, repr=False, compare=False)
    undone: set[int] = field(default_factory=set, repr=False, compare=False)
    redo_stack: list[int] = field(default_factory=list, repr=False, compare=False)
    group_of: dict[int, int] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def before_events(cls, first_paragraph: int | None) -> RecordState:
        """The state before any event: § numbering starts at the meeting's first paragraph
        (1 without one)."""
        return cls(next_number=first_paragraph or 1)

    def act_key(self, seq: int) -> int:
        """The first seq of the secretary's act that `seq` belongs to."""
        return self.group_of.get(seq, seq)

    def act_members(self, seq: int, among: Iterable[int]) -> list[int]:
        """The seqs in `among` that belong to the same act as `seq`, in their order."""
        key = self.act_key(seq)
        return [s for s in among if self.act_key(s) == key]

    def paragraph(self, item_id: str) -> Paragraph:
        """The paragraph of an item (an empty PENDING one if nothing is recorded yet)."""
        return self.paragraphs.get(item_id) or Paragraph(item=item_id)

    def paragraph_number(self, item_id: str) -> int:
        """The item's §; a pending item gets the next number when an act is recorded on it
        (it is handled now), so that is the number a form names."""
        para = self.paragraphs.get(item_id)
        return para.number if para is not None and para.number is not None else self.next_number

    def planned_numbers(self, items: Iterable[Any], first: int | None) -> dict[str, int]:
        """The § of every item (`meeting.items`, `meeting.first_paragraph`): its own once
        handled, else the one it gets when the items are taken in agenda order (what the
        agenda shows, dim, and what a form on an unhandled item names unless its act
        handles the item now: paragraph_number)."""
        numbers: dict[str, int] = {}
        assigned = any(p.number is not None for p in self.paragraphs.values())
        upcoming = self.next_number if assigned else (first or self.next_number)
        for item in items:
            para = self.paragraphs.get(item.id)
            if para is not None and para.number is not None:
                numbers[item.id] = para.number
            else:
                numbers[item.id] = upcoming
                upcoming += 1
        return numbers
