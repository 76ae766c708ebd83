"""The secretary's corrections of what was recorded, after later acts too: a ballot of
a counted round (röst rättad) and a motion's text (yrkande ändrat). On a justified § each
is a rättelse with its reason (record/acts.py `as_correction`, as for `e`).

Like record/acts.py: (meeting, state, input) -> the events to apply, or RuleError.
"""

from __future__ import annotations

from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record.acts import as_correction, need_motions
from namndtui.record.procedure import RuleError, presiding_chair_on
from namndtui.record.refusals import CastingVoteNeeded
from namndtui.record.state import RecordState
from namndtui.record.state_parts import VoteRound


def counted_rounds(state: RecordState, item_id: str) -> list[VoteRound]:
    """The item's counted rounds: those a ballot may be corrected in."""
    para = state.paragraphs.get(item_id)
    return [r for r in para.votes if r.closed] if para is not None else []


def correct_vote(
    meeting: Meeting,
    state: RecordState,
    item_id: str,
    round_no: int,
    member: str,
    vote: str,
    casting: str = "",
    reason: str = "",
) -> list[ev.Event]:
    """A ballot of a counted round put right (VoteCorrected) without undoing what was
    recorded since. When the corrected round is tied, the utslagsröst is the presiding
    chair's own ja/nej, else `casting` (CastingVoteNeeded without one). On a justified §
    it is a rättelse and needs `reason`."""
    para = state.paragraph(item_id)
    found = next((r for r in para.votes if r.round == round_no), None)
    if found is None or not found.closed:
        raise RuleError(f"Votering {round_no} är inte räknad; rösta i voteringen.")
    votes = {**found.votes, member: vote}
    ja, nej = list(votes.values()).count("ja"), list(votes.values()).count("nej")
    if ja == nej and not casting:
        chair = presiding_chair_on(meeting, state, item_id)
        own = votes.get(chair or "", "")
        casting = own if own in ("ja", "nej") else ""
        if not casting:
            raise CastingVoteNeeded()
    corrected = ev.VoteCorrected(
        item=item_id, round=round_no, member=member, vote=vote, casting=casting
    )
    return as_correction(state, item_id, corrected, reason) or [corrected]


def amend_motion(
    meeting: Meeting, state: RecordState, item_id: str, motion_id: str, text: str, reason: str = ""
) -> list[ev.Event]:
    """A motion's text as it was really moved (MotionAmended), after later acts too. On a
    justified § it is a rättelse and needs `reason`."""
    need_motions(state, item_id)
    amended = ev.MotionAmended(item=item_id, motion=motion_id, text=text)
    return as_correction(state, item_id, amended, reason) or [amended]
