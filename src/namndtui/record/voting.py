"""Votes: the main rounds, and the tie: the presiding chair's casting vote (utslagsröst,
KL 5 kap. 55 § applied to nämnder; not verified). The questions and the rounds a vote needs are record/questions.py's.
"""

from __future__ import annotations

from namndtui.model import Meeting
from namndtui.record.serving import presiding_chair_on
from namndtui.record.state import Paragraph, RecordState
from namndtui.record.state_parts import VoteRound


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


# --- votes ----------------------------------------------------------------------------------


def main_rounds(paragraph: Paragraph) -> list[VoteRound]:
    return [r for r in paragraph.votes if not r.counter]
