"""Motions and votes: the proposition order, the rounds a vote needs (the
kontrapropositionsvotering first with more than two proposals) and the tie: the presiding
chair's casting vote (utslagsröst, KL 5 kap. 55 § applied to nämnder; not verified).
"""

from __future__ import annotations

from namndtui.model import Meeting
from namndtui.record.serving import presiding_chair_on
from namndtui.record.state import Paragraph, RecordState, VoteRound
from namndtui.vocabulary import FORMAL_KINDS, MotionKind


def casting_vote(meeting: Meeting, state: RecordState, item_id: str, number: int) -> str:
    """The utslagsröst the rules accept on a tie in round `number`: the presiding chair's
    own "ja"/"nej" in that round, or "" when the chair abstained, did not vote or is not
    known (then the chair chooses). For prefilling the casting vote."""
    paragraph = state.paragraphs.get(item_id)
    found = next((r for r in paragraph.votes if r.round == number), None) if paragraph else None
    chair = presiding_chair_on(meeting, state, item_id)
    if found is None or chair is None:
        return ""
    vote = found.votes.get(chair, "")
    return vote if vote in ("ja", "nej") else ""


# --- motions and votes -----------------------------------------------------------------------

_ORDER_GROUP = {MotionKind.ATERREMISS: 0, MotionKind.BORDLAGGNING: 0, MotionKind.TILLAGG: 2}


def suggested_order(paragraph: Paragraph) -> list[str]:
    """Formal motions first, then the main question, additions (tillägg) last; stable."""
    motions = paragraph.active_motions
    ranked = sorted(range(len(motions)), key=lambda n: (_ORDER_GROUP.get(motions[n].kind, 1), n))
    return [motions[n].id for n in ranked]


def _proposals(paragraph: Paragraph) -> list[str]:
    """The competing proposals of the main question, in proposition order."""
    order = [m for m in paragraph.proposition_order if _active(paragraph, m)]
    order += [m for m in suggested_order(paragraph) if m not in order]
    main = [
        m
        for m in order
        if (motion := paragraph.motion(m))
        and motion.kind not in (*FORMAL_KINDS, MotionKind.TILLAGG)
    ]
    return main if len(main) >= 2 else order


def _active(paragraph: Paragraph, motion_id: str) -> bool:
    motion = paragraph.motion(motion_id)
    return motion is not None and not motion.withdrawn


def main_proposal(paragraph: Paragraph) -> str:
    """The huvudförslag: the chair's finding if it is a proposal, else the first one."""
    proposals = _proposals(paragraph)
    if paragraph.finding in proposals:
        return paragraph.finding
    return proposals[0] if proposals else ""


def vote_plan(paragraph: Paragraph) -> list[tuple[str, str]]:
    """The rounds the votes need, as (ja, nej) motion ids.

    Two proposals: [(huvudförslag, motförslag)]. More: the kontrapropositionsvotering
    first, pairwise among the others until one counter-proposal is left, then the main
    vote against it. A side that depends on an open round is "".
    """
    proposals = _proposals(paragraph)
    if len(proposals) < 2:
        return []
    main = main_proposal(paragraph)
    others = [p for p in proposals if p != main]
    counter_winners = [r.winner for r in paragraph.votes if r.counter and r.closed]
    plan: list[tuple[str, str]] = []
    champion = others[0]
    for n, challenger in enumerate(others[1:]):
        plan.append((champion, challenger))
        champion = counter_winners[n] if n < len(counter_winners) else ""
    plan.append((main, champion))
    return plan


def is_counter_round(paragraph: Paragraph, yes: str, no: str) -> bool:
    """A round is the kontrapropositionsvotering when more than two proposals are on the
    table and the round does not include the huvudförslag."""
    proposals = _proposals(paragraph)
    main = main_proposal(paragraph)
    return len(proposals) > 2 and main not in (yes, no)


def main_rounds(paragraph: Paragraph) -> list[VoteRound]:
    return [r for r in paragraph.votes if not r.counter]
