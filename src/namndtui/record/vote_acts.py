"""The secretary's acts on the chair's questions and the votes: f (the question put and
the chair's finding), v (the rounds a vote asks for, the ballots, the count and the
utslagsröst), and the minority's demand of a formal motion ("begärd av minoritet",
record/minority.py), also the one a counted vote forces by itself.

Like record/acts.py: (meeting, state, input) -> the events to apply, or RuleError.
"""

from __future__ import annotations

import dataclasses

from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record import minority
from namndtui.record import questions as qs
from namndtui.record.acts import Time, item_of, on_item
from namndtui.record.procedure import RuleError, casting_vote
from namndtui.record.refusals import CastingVoteNeeded, NothingToPut, NothingToVote
from namndtui.record.state import RecordState
from namndtui.record.state_parts import Motion, VoteRound


def questions_now(meeting: Meeting, state: RecordState, item_id: str) -> list[qs.Question]:
    """f: the questions the chair may put now, the suggested one first (formal motions
    first; the chair may take another of these); NothingToPut when none is left."""
    item, para = item_of(meeting, item_id), state.paragraph(item_id)
    left = qs.still_to_put(item, para)
    if not left:
        raise NothingToPut()
    return [q for q in left if not qs.may_put(meeting, item, para, q.key)] or left[:1]


def put_question(
    meeting: Meeting, state: RecordState, item_id: str, key: str, found: str, at: Time
) -> list[ev.Event]:
    """f: the chair puts the question `key` and finds for `found` (a proposal id)."""
    event = ev.QuestionDecided(item=item_id, question=key, finding=found)
    return on_item(meeting, state, item_id, at, event)


def may_vote(meeting: Meeting, state: RecordState, item_id: str) -> None:
    """v: a question waits for its vote (or one is left to put first); else NothingToVote."""
    item, para = item_of(meeting, item_id), state.paragraph(item_id)
    if needs_finding_before_vote(meeting, state, item_id) and not qs.still_to_put(item, para):
        raise NothingToVote()


def needs_finding_before_vote(meeting: Meeting, state: RecordState, item_id: str) -> bool:
    """A vote is demanded against the chair's finding ("… och finner att … Votering
    begärs."): when no question waits for its vote, the next one is put first."""
    para = state.paragraph(item_id)
    waiting = qs.current_question(meeting.item(item_id), para) is not None
    return not waiting and open_round(state, item_id) is None


def open_round(state: RecordState, item_id: str) -> VoteRound | None:
    """The round of the item still being counted, if any."""
    para = state.paragraph(item_id)
    return next((r for r in para.votes if not r.closed), None)


def next_vote_round(
    meeting: Meeting, state: RecordState, item_id: str, at: Time, demanded_by: str = ""
) -> list[ev.Event]:
    """The round the vote on the question put last asks for next (VoteDemanded), or []
    when every round is counted or the next one waits on a round still open (see
    questions.vote_plan). `demanded_by` (who demanded the vote, optional) goes with the
    question's first round: the minutes say it once ("Votering begärs av …")."""
    item, para = item_of(meeting, item_id), state.paragraph(item_id)
    q = qs.current_question(item, para)
    if q is None or open_round(state, item_id) is not None:
        return []
    plan = qs.vote_plan(item, para, q.key)
    done = len([r for r in q.rounds if r.closed])
    if done >= len(plan):
        return []
    yes, no = plan[done]
    if not yes or not no:
        return []
    number = len(para.votes) + 1
    who = demanded_by if not q.rounds else ""
    demanded = ev.VoteDemanded(
        item=item_id, round=number, yes=yes, no=no, demanded_by=who, question=q.key
    )
    return on_item(meeting, state, item_id, at, demanded)


def cast_vote(item_id: str, round_no: int, member: str, vote: str) -> list[ev.Event]:
    """One member's ja / nej / avstår in the round."""
    return [ev.VoteCast(item=item_id, round=round_no, member=member, vote=vote)]


def close_vote(
    meeting: Meeting, state: RecordState, item_id: str, round_no: int, casting: str = ""
) -> list[ev.Event]:
    """The round is counted. On a tie the utslagsröst is the presiding chair's own vote,
    taken from the ballot when the chair voted ja or nej; else `casting` (the chair's
    choice), and without one CastingVoteNeeded. The VoteClosed comes first; after it, on a
    formal question, the MinorityDemand the body's minority right gives (minority_after_vote)."""
    para = state.paragraph(item_id)
    found = next((r for r in para.votes if r.round == round_no), None)
    if found is None:
        raise RuleError(f"Ingen votering {round_no} i ärendet.")
    if found.tied:
        casting = casting or casting_vote(meeting, state, item_id, round_no)
        if casting not in ("ja", "nej"):
            raise CastingVoteNeeded()
    closed = ev.VoteClosed(item=item_id, round=round_no, casting=casting if found.tied else "")
    counted = dataclasses.replace(found, closed=True, casting=closed.casting)
    return [closed, *minority_after_vote(meeting, state, item_id, counted)]


def minority_after_vote(
    meeting: Meeting, state: RecordState, item_id: str, r: VoteRound
) -> list[ev.Event]:
    """The counted vote `r` on a formal question the body's minority right covers: when the
    majority voted to decide today but at least the share of the present voted for the
    motion, the motion is forced all the same (MinorityDemand); [] otherwise."""
    motion = state.paragraph(item_id).motion(r.question)
    if motion is None or not minority.applies(meeting, motion.kind) or r.winner == motion.id:
        return []
    if minority.used_before(item_of(meeting, item_id)):
        return []
    supporters = minority.supporters_in_vote(r, motion.id)
    present = minority.present(meeting, state, item_id)
    if not minority.met(meeting.minority_share, supporters, present):
        return []
    return [ev.MinorityDemand(item_id, motion.id, supporters, present)]


def minority_motions(meeting: Meeting, state: RecordState, item_id: str) -> list[Motion]:
    """The formal motions a minority may force now (the body's rules give the right, the
    question is still open to it): for the "begärd av minoritet" form."""
    item, para = item_of(meeting, item_id), state.paragraph(item_id)
    if qs.ended(item, para) is not None or minority.used_before(item):
        return []
    return [
        m
        for m in para.active_motions
        if minority.applies(meeting, m.kind) and m.id not in para.minority
    ]


def minority_demand(
    meeting: Meeting, state: RecordState, item_id: str, motion_id: str, supporters: int, at: Time
) -> list[ev.Event]:
    """The formal motion `motion_id` is supported by `supporters` of the present members
    (counted by the record): begärd av minoritet. The rules refuse too few (RuleError)."""
    present = minority.present(meeting, state, item_id)
    demand = ev.MinorityDemand(item_id, motion_id, supporters, present)
    return on_item(meeting, state, item_id, at, demand)
