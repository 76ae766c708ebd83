"""Labels more than one screen shows: a motion, the quorum, a refusal (plain text).

A leaf: imports nothing of the TUI but its strings (and the record lazily), so any screen
or modal may use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from namndtui.model import Item, Meeting
from namndtui.record.state import RecordState
from namndtui.tui import strings as S
from namndtui.tui.lazy import lazy_module
from namndtui.vocabulary import MOTION_PHRASES

if TYPE_CHECKING:
    from namndtui.record import procedure, refusals
    from namndtui.record.procedure import RuleError
    from namndtui.record.state_parts import Motion, VoteRound
else:  # loaded on the first act, after the first frame (start-up time)
    refusals = lazy_module("namndtui.record.refusals")
    procedure = lazy_module("namndtui.record.procedure")


def motion_label(meeting: Meeting, motion: Motion) -> str:
    """'y1 Anna Ek (M): avslag – text', plain text."""
    member = meeting.member(motion.by)
    who = member.label if member else motion.by
    kind = MOTION_PHRASES.get(motion.kind, motion.kind)
    text = f" – {motion.text}" if motion.text else ""
    return f"{motion.id} {who}: {kind}{text}"


def tally_text(vote: VoteRound) -> str:
    """'ja 6, nej 5, avstår 0'."""
    ja, nej, avstar = vote.tally()
    return f"ja {ja}, nej {nej}, avstår {avstar}"


def quorum_of(meeting: Meeting, state: RecordState, item: Item | None) -> tuple[str, bool | None]:
    """The quorum text for the status line and whether the board is beslutför."""
    if item is None:
        return "", None
    q = procedure.quorum(meeting, state, item.id)
    return q.text(), q.ok


def refusal(meeting: Meeting, err: RuleError) -> tuple[str, str]:
    """(notice text, severity) for an act the record refused; the acts a key can
    replace name that key."""
    match err:
        case refusals.NoProposedDecision():
            return S.NO_PROPOSED_DECISION.format(key="e"), "warning"
        case refusals.NotAsProposed(motion=adopted):
            hint = S.ADOPTED_HINTS.get(adopted.kind, S.ADOPTED_HINTS["ändring"])
            label = motion_label(meeting, adopted)
            return S.DECIDE_NOT_PROPOSAL.format(label=label, hint=hint), "information"
        case refusals.NoMotions():
            return S.NO_MOTIONS, "warning"
        case refusals.NothingToVote():
            return S.VOTE_NOTHING, "warning"
        case refusals.NothingToPut():
            return S.NO_QUESTION, "warning"
        case refusals.NotOpen():
            return S.ADJOURN_NOT_OPEN, "warning"
        case refusals.NotSubstitute(member=who):
            return S.SERVES_NOT_SUBSTITUTE.format(who=who), "warning"
        case refusals.NoFreeSeat():
            return S.SERVES_NO_SEAT, "warning"
        case refusals.NobodyMayReserve(reason=reason):
            return S.RESERVATION_NONE.format(reason=reason or S.RESERVATION_WHO_MAY), "warning"
    return S.REFUSED.format(reason=str(err)), "warning"
