"""What the state holds of the secretary's acts: motions, vote rounds, recusals,
reservations, notes and statements of a paragraph; corrections, revisions and attendance
changes (record/state.py holds the state and the paragraph itself).

Apart from record/state.py so that the TUI's first frame, which shows a state before any
event, does not build these classes (docs/performance.md, the first frame). Plain mutable
dataclasses (`namndtui.datatypes`) owned by the fold; readers must not mutate them.
"""

from __future__ import annotations

from dataclasses import field

from namndtui.datatypes import mutable


@mutable
class Motion:
    """A yrkande made during the item."""

    id: str  # "y1"
    by: str
    kind: str  # MOTION_KINDS key
    text: str = ""
    joined: list[str] = field(default_factory=list)
    withdrawn: bool = False


@mutable
class VoteRound:
    """One votering: "ja för `yes`, nej för `no`" (motion ids)."""

    round: int  # 1, 2
    yes: str
    no: str
    demanded_by: str = ""
    votes: dict[str, str] = field(default_factory=dict)  # member -> ja|nej|avstår, in order cast
    casting: str = ""  # utslagsröst "ja"/"nej" when tied
    closed: bool = False
    counter: bool = False  # True: kontrapropositionsvotering (choosing the counter-proposal)
    question: str = "main"  # the question voted on (record/questions.py): "main" or a motion id

    def tally(self) -> tuple[int, int, int]:
        """(ja, nej, avstår)."""
        values = list(self.votes.values())
        return values.count("ja"), values.count("nej"), values.count("avstår")

    @property
    def tied(self) -> bool:
        ja, nej, _ = self.tally()
        return ja == nej

    @property
    def winner(self) -> str:
        """The winning motion id once closed ("" while open or tied without casting vote)."""
        if not self.closed:
            return ""
        ja, nej, _ = self.tally()
        if ja > nej or (ja == nej and self.casting == "ja"):
            return self.yes
        if nej > ja or (ja == nej and self.casting == "nej"):
            return self.no
        return ""


@mutable
class Recusal:
    """Jäv: `member` took no part in the item."""

    member: str
    substitute: str = ""  # ersättare who served instead for this item


@mutable
class Reservation:
    """A reservation against the decision."""

    member: str
    text: str = ""  # skriftlig reservation
    motion: str = ""  # own motion id ("till förmån för eget yrkande")


@mutable
class Note:
    """A protokollsanteckning (or a justeringsanteckning)."""

    text: str
    by: str = ""


@mutable
class Statement:
    """A särskilt uttalande."""

    by: str
    text: str


@mutable
class Correction:
    """A change made after the paragraph was locked, shown in the minutes."""

    reason: str
    description: str  # Swedish, e.g. "beslut ändrat"
    time: str = ""  # journal time of the correction "2007-10-25 10:12"


@mutable
class Revision:
    """A later version of justered minutes (MinutesRevised): the old one kept beside."""

    version: int
    previous: str  # "protokoll.v1.toml"
    date: str = ""
    changes: list[str] = field(default_factory=list)


@mutable
class AttendanceChange:
    """An arrival, departure or change of who serves, at a § (for the minutes)."""

    member: str
    kind: str  # "arrived" | "left" | "serves" | "stops"
    item: str  # item id at which it took effect ("" = from the start)
    for_member: str = ""
    at: str = ""
