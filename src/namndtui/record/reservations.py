"""Reservations (KL 4 kap. 27 §; not verified): who may reserve against a decision (who took
part and lost), once per member, and the written text that may follow until justering.
"""

from __future__ import annotations

from namndtui.model import Meeting
from namndtui.record.questions import proposal_of
from namndtui.record.rules import paragraph_label, reservation_of
from namndtui.record.serving import serving
from namndtui.record.sitting import not_sitting
from namndtui.record.state import DECIDED, REFERRED_BACK, TABLED, Paragraph, RecordState
from namndtui.record.voting import main_rounds


def may_reserve(meeting: Meeting, state: RecordState, item_id: str, member: str) -> str:
    """Empty when `member` may reserve against the decision on the item, else the reason.

    Only someone who took part in the decision and whose side lost (KL 4 kap. 27 §): in a
    vote, who voted for the losing proposal; without a vote, who made or joined a motion
    that was not adopted. Once per member and decision, and only while the meeting sits
    (not after the close or during a break). The written text of a reservation already
    announced may come later: see `may_add_reservation_text`.
    """
    if meeting.item(item_id) is None:
        return f"Okänt ärende {item_id!r}."
    if meeting.member(member) is None:
        return f"{member} är inte ledamot eller ersättare i nämnden."
    paragraph = state.paragraphs.get(item_id)
    if paragraph is None or (
        paragraph.status not in (DECIDED, TABLED, REFERRED_BACK) and not paragraph.finding
    ):
        return "Inget beslut är fattat i ärendet ännu; reservation kan anmälas efter beslutet."
    if reservation_of(state, item_id, member) is not None:
        return f"{member} har redan reserverat sig."
    if reason := not_sitting(state, new_reservation=True):
        return reason
    if any(r.member == member for r in paragraph.recusals):
        return f"{member} var jävig i ärendet och deltog inte i beslutet."
    if member not in serving(meeting, state, item_id):
        return f"{member} tjänstgjorde inte och deltog inte i beslutet."
    closed = [r for r in main_rounds(paragraph) if r.closed]
    if closed:
        for r in closed:
            vote = r.votes.get(member, "")
            if (vote == "ja" and r.winner == r.no) or (vote == "nej" and r.winner == r.yes):
                return ""
        last = closed[-1].votes.get(member, "")
        if last == "avstår":
            return f"{member} avstod från att rösta och kan därför inte reservera sig."
        if not last:
            return f"{member} röstade inte i voteringen och kan inte reservera sig."
        return f"{member} röstade för det förslag som vann och kan inte reservera sig."
    if _lost_motion(paragraph, member):
        return ""
    return f"{member} yrkade inte mot beslutet (inget eget eller instämt yrkande avslogs)."


def may_add_reservation_text(
    meeting: Meeting, state: RecordState, item_id: str, member: str
) -> str:
    """Empty when the written text of `member`'s reservation on the item may be added or
    replaced now (a `ReservationMade` with text for a member who already reserved), else
    the reason. Allowed after the close and during a break too: written reservations
    arrive before justering; once the § is locked only a correction changes it."""
    if reservation_of(state, item_id, member) is None:
        return f"{member} har inte reserverat sig i ärendet."
    paragraph = state.paragraphs[item_id]
    if paragraph.justified:
        return (
            f"{paragraph_label(state, item_id)} är justerad; ändringar görs som rättelse "
            "med angivet skäl."
        )
    return ""


def own_lost_motion(paragraph: Paragraph, member: str) -> str:
    """The id of `member`'s own (made or joined) motion that the decision went against, or ""
    — what makes the minutes say "reserverar sig mot beslutet till förmån för eget yrkande"
    (PRACTICE.md); a member who only voted for the losing side reserves without it."""
    closed = [r for r in main_rounds(paragraph) if r.closed]
    if not closed:
        return _lost_motion(paragraph, member)
    winner = proposal_of(paragraph, closed[-1].winner)
    for motion in paragraph.active_motions:
        if member in (motion.by, *motion.joined) and proposal_of(paragraph, motion.id) != winner:
            return motion.id
    return ""


_WON_WITHOUT_FINDING = {DECIDED: "bifall", TABLED: "bordläggning", REFERRED_BACK: "återremiss"}


def _lost_motion(paragraph: Paragraph, member: str, motion_id: str = "") -> str:
    """The id of a motion by (or joined by) `member` that was not adopted, or ""."""
    adopted = paragraph.motion(paragraph.finding) if paragraph.finding else None
    for motion in paragraph.active_motions:
        if motion_id and motion.id != motion_id:
            continue
        if member != motion.by and member not in motion.joined:
            continue
        if adopted is not None:
            if motion.id == adopted.id or (motion.kind == adopted.kind == "bifall"):
                continue
        elif _WON_WITHOUT_FINDING.get(paragraph.status) == motion.kind:
            continue  # e.g. decided as proposed: bifall to the proposal won
        return motion.id
    return ""
