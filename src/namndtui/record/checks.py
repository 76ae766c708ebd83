"""The rules of each event type: one handler per event (`CHECKS`), each raising RuleError.

They do not check quorum, locks or the sitting: record/procedure.py's `check` does that
around them.
"""

from __future__ import annotations

import datetime as dt
import re

from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record.reservations import may_add_reservation_text, may_reserve
from namndtui.record.rules import RuleError, paragraph_label, reservation_of
from namndtui.record.serving import presiding_chair_on, serving
from namndtui.record.state import DECIDED, IN_PROGRESS, PENDING, REFERRED_BACK, TABLED, RecordState
from namndtui.record.state_parts import VoteRound
from namndtui.record.voting import casting_vote
from namndtui.timeofday import clock
from namndtui.tomlcheck import date_range_problem

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


# Handlers, one per event type. Each raises RuleError; they do not check quorum/locks.


def _need_member(meeting: Meeting, name: str) -> None:
    if meeting.member(name) is None:
        raise RuleError(f"{name or '(inget namn)'} är inte ledamot eller ersättare i nämnden.")


def _need_item_or_empty(meeting: Meeting, item_id: str) -> None:
    if item_id and meeting.item(item_id) is None:
        raise RuleError(f"Okänt ärende {item_id!r}.")


def _need_time(value: str) -> None:
    if value and not _TIME.match(value):
        raise RuleError(f"Ogiltig tid {value!r}; skriv TT:MM, t.ex. 19:05.")


def _need_date(value: str, what: str = "datum") -> None:
    if not _DATE.match(value):
        raise RuleError(f"Ogiltigt {what} {value!r}; skriv ÅÅÅÅ-MM-DD.")
    try:
        problem = date_range_problem(dt.date.fromisoformat(value))
    except ValueError:  # 2007-02-30
        raise RuleError(f"Ogiltigt {what} {value!r}; det datumet finns inte.") from None
    if problem:
        raise RuleError(f"Ogiltigt {what}: {problem}.")


def _need_voter(meeting: Meeting, state: RecordState, item_id: str, name: str, act: str) -> None:
    _need_member(meeting, name)
    if name not in serving(meeting, state, item_id):
        recused = state.paragraphs.get(item_id)
        if recused is not None and any(r.member == name for r in recused.recusals):
            raise RuleError(f"{name} är jävig i ärendet och får inte {act}.")
        raise RuleError(f"{name} tjänstgör inte i ärendet och får inte {act}.")


def _need_motion(state: RecordState, item_id: str, motion_id: str, *, active: bool = True):
    paragraph = state.paragraphs.get(item_id)
    motion = paragraph.motion(motion_id) if paragraph is not None else None
    if motion is None:
        raise RuleError(f"Okänt yrkande {motion_id!r} i ärendet.")
    if active and motion.withdrawn:
        raise RuleError(f"Yrkandet {motion_id} är återtaget.")
    return motion


def _need_round(state: RecordState, item_id: str, number: int) -> VoteRound:
    paragraph = state.paragraphs.get(item_id)
    rounds = paragraph.votes if paragraph is not None else []
    found = next((r for r in rounds if r.round == number), None)
    if found is None:
        raise RuleError(f"Det finns ingen votering {number} i ärendet.")
    return found


def _c_opened(meeting, state, e: ev.MeetingOpened) -> None:
    _need_time(e.at)
    if state.opened_at:
        raise RuleError(f"Sammanträdet är redan öppnat (kl. {clock(state.opened_at)}).")


def _c_adjourned(meeting, state, e: ev.MeetingAdjourned) -> None:
    _need_time(e.at)
    if not state.opened_at:
        raise RuleError("Sammanträdet är inte öppnat.")
    if state.closed_at:
        raise RuleError("Sammanträdet är avslutat.")
    if state.breaks and not state.breaks[-1][1]:
        raise RuleError("Sammanträdet är redan ajournerat.")


def _c_resumed(meeting, state, e: ev.MeetingResumed) -> None:
    _need_time(e.at)
    if not state.breaks or state.breaks[-1][1]:
        raise RuleError("Sammanträdet är inte ajournerat.")


def _c_closed(meeting, state, e: ev.MeetingClosed) -> None:
    _need_time(e.at)
    if not state.opened_at:
        raise RuleError("Sammanträdet är inte öppnat.")
    if state.closed_at:
        raise RuleError(f"Sammanträdet är redan avslutat (kl. {clock(state.closed_at)}).")


def _c_attendance(meeting, state, e: ev.AttendanceSet) -> None:
    _need_member(meeting, e.member)


def _c_arrived(meeting, state, e: ev.MemberArrived) -> None:
    _need_member(meeting, e.member)
    _need_item_or_empty(meeting, e.item)
    _need_time(e.at)
    if state.present.get(e.member):
        raise RuleError(f"{e.member} är redan närvarande.")


def _c_left(meeting, state, e: ev.MemberLeft) -> None:
    _need_member(meeting, e.member)
    _need_item_or_empty(meeting, e.item)
    _need_time(e.at)
    if not state.present.get(e.member):
        raise RuleError(f"{e.member} är inte närvarande.")


def _c_serves(meeting, state, e: ev.SubstituteServes) -> None:
    _need_member(meeting, e.substitute)
    _need_member(meeting, e.for_member)
    _need_item_or_empty(meeting, e.item)
    if not meeting.member(e.substitute).is_substitute:
        raise RuleError(f"{e.substitute} är inte ersättare.")
    if meeting.member(e.for_member).is_substitute:
        raise RuleError(f"{e.for_member} är ersättare; en ersättare tjänstgör för en ledamot.")
    if state.present.get(e.for_member):
        raise RuleError(f"{e.for_member} är närvarande och tjänstgör själv.")
    if e.substitute in state.serving_for:
        raise RuleError(f"{e.substitute} tjänstgör redan för {state.serving_for[e.substitute]}.")
    other = next((s for s, m in state.serving_for.items() if m == e.for_member), None)
    if other is not None:
        raise RuleError(f"{other} tjänstgör redan för {e.for_member}.")


def _c_stops(meeting, state, e: ev.SubstituteStops) -> None:
    _need_member(meeting, e.substitute)
    _need_item_or_empty(meeting, e.item)
    if e.substitute not in state.serving_for:
        raise RuleError(f"{e.substitute} tjänstgör inte.")


def _c_official(meeting, state, e: ev.OfficialPresent) -> None:
    if not e.name.strip():
        raise RuleError("Namn saknas.")


def _c_adjusters(meeting, state, e: ev.AdjustersChosen) -> None:
    if not e.members:
        raise RuleError("Välj minst en justerare.")
    for name in e.members:
        _need_member(meeting, name)
    if len(set(e.members)) != len(e.members):
        raise RuleError("Samma person är vald till justerare två gånger.")
    for name in e.members:  # the one chosen now must be here to be chosen
        if name not in state.adjusters and not state.present.get(name):
            raise RuleError(f"{name} är inte närvarande och kan inte väljas till justerare.")
        if name == state.adjuster_substitute:
            raise RuleError(f"{name} är vald till ersättare för justerare.")


def _c_adjuster_substitute(meeting, state, e: ev.AdjusterSubstituteChosen) -> None:
    if not e.member:
        return
    _need_member(meeting, e.member)
    if e.member in state.adjusters:
        raise RuleError(f"{e.member} är redan vald till justerare.")
    if e.member != state.adjuster_substitute and not state.present.get(e.member):
        raise RuleError(
            f"{e.member} är inte närvarande och kan inte väljas till ersättare för justerare."
        )
    if not state.adjusters:  # page 1 read "Utses att justera: med NN som ersättare"
        raise RuleError("Välj först justerare (u); ersättaren går in i justerarens ställe.")


def _c_justering(meeting, state, e: ev.JusteringPlanned) -> None:
    _need_date(e.date)
    _need_time(e.time)
    held = meeting.date.isoformat()
    if e.date < held:  # ISO dates compare as strings; as export --justerat refuses
        raise RuleError(f"Justeringen ({e.date}) kan inte ske före sammanträdet ({held}).")


def _c_called(meeting, state, e: ev.ItemCalled) -> None:
    _need_time(e.at)


def _c_recused(meeting, state, e: ev.Recused) -> None:
    _need_member(meeting, e.member)
    paragraph = state.paragraphs.get(e.item)
    if paragraph is not None and any(r.member == e.member for r in paragraph.recusals):
        raise RuleError(f"{e.member} är redan anmäld som jävig i ärendet.")
    now = serving(meeting, state, e.item)
    if e.member not in now:
        raise RuleError(f"{e.member} tjänstgör inte i ärendet.")
    if e.substitute:
        _need_member(meeting, e.substitute)
        if not meeting.member(e.substitute).is_substitute:
            raise RuleError(f"{e.substitute} är inte ersättare.")
        if e.substitute in now:
            raise RuleError(f"{e.substitute} tjänstgör redan i ärendet.")
        if not state.present.get(e.substitute):
            raise RuleError(f"{e.substitute} är inte närvarande.")


def _c_motion(meeting, state, e: ev.MotionMade) -> None:
    if e.kind not in ev.MOTION_KINDS:
        raise RuleError(f"Okänd yrkandetyp {e.kind!r}.")
    paragraph = state.paragraphs.get(e.item)
    if paragraph is not None and paragraph.motion(e.motion) is not None:
        raise RuleError(f"Yrkandet {e.motion} finns redan i ärendet.")
    if not e.motion:
        raise RuleError("Yrkandet saknar id.")
    _need_voter(meeting, state, e.item, e.by, "yrka")
    for name in e.joined:
        _need_voter(meeting, state, e.item, name, "instämma")
    if e.kind in ("ändring", "tillägg", "eget") and not e.text.strip():
        raise RuleError(f"Ett {ev.MOTION_KINDS[e.kind]} måste ha en text.")


def _c_joined(meeting, state, e: ev.MotionJoined) -> None:
    motion = _need_motion(state, e.item, e.motion)
    _need_voter(meeting, state, e.item, e.member, "instämma")
    if e.member == motion.by:
        raise RuleError(f"{e.member} har själv lagt yrkandet {e.motion}.")
    if e.member in motion.joined:
        raise RuleError(f"{e.member} har redan instämt i yrkandet {e.motion}.")


def _c_withdrawn(meeting, state, e: ev.MotionWithdrawn) -> None:
    _need_motion(state, e.item, e.motion)


def _c_demanded(meeting, state, e: ev.VoteDemanded) -> None:
    if e.yes == e.no:
        raise RuleError("Ja- och nej-förslaget måste vara olika yrkanden.")
    if not e.question:  # else proposal ids, checked by record/questions.py
        _need_motion(state, e.item, e.yes)
        _need_motion(state, e.item, e.no)
    paragraph = state.paragraph(e.item)
    expected = len(paragraph.votes) + 1
    if e.round != expected:
        raise RuleError(f"Nästa votering i ärendet är nummer {expected}, inte {e.round}.")
    if any(not r.closed for r in paragraph.votes):
        raise RuleError("En votering pågår redan i ärendet.")
    if e.demanded_by:
        _need_voter(meeting, state, e.item, e.demanded_by, "begära votering")


def _c_cast(meeting, state, e: ev.VoteCast) -> None:
    if e.vote not in ev.VOTE_CHOICES:
        raise RuleError(f"Ogiltig röst {e.vote!r}; ja, nej eller avstår.")
    found = _need_round(state, e.item, e.round)
    if found.closed:
        raise RuleError(f"Votering {e.round} är avslutad.")
    _need_voter(meeting, state, e.item, e.member, "rösta")


def _c_vote_closed(meeting, state, e: ev.VoteClosed) -> None:
    found = _need_round(state, e.item, e.round)
    if found.closed:
        raise RuleError(f"Votering {e.round} är redan avslutad.")
    if e.casting and e.casting not in ("ja", "nej"):
        raise RuleError(f"Ogiltig utslagsröst {e.casting!r}; ja eller nej.")
    if found.tied and not e.casting:
        ja, nej, _ = found.tally()
        raise RuleError(
            f"Lika röstetal ({ja}–{nej}); ordförandens utslagsröst (ja eller nej) avgör."
        )
    if e.casting and not found.tied:
        raise RuleError("Utslagsröst ges bara vid lika röstetal.")
    # The casting vote is the presiding chair's own vote counted twice (KL 5 kap. 55 §):
    # a chair who voted cannot cast the other way.
    own = casting_vote(meeting, state, e.item, e.round)
    if e.casting and own and e.casting != own:
        raise RuleError(f"Ordföranden röstade {own}; utslagsrösten är ordförandens röst.")


def _c_vote_corrected(meeting, state, e: ev.VoteCorrected) -> None:
    """A ballot of a counted round put right: the round stays counted, its tie (if the
    correction makes one) needs the chair's utslagsröst, and an outcome a later round
    builds on is not changed underneath it."""
    if e.vote not in ev.VOTE_CHOICES:
        raise RuleError(f"Ogiltig röst {e.vote!r}; ja, nej eller avstår.")
    found = _need_round(state, e.item, e.round)
    if not found.closed:
        raise RuleError(f"Votering {e.round} pågår: ändra rösten i voteringen.")
    before = found.votes.get(e.member, "")
    if not before:
        _need_voter(meeting, state, e.item, e.member, "rösta")
    if before == e.vote:
        raise RuleError(f"{e.member} har redan rösten {e.vote} i votering {e.round}.")
    after = VoteRound(found.round, found.yes, found.no, votes={**found.votes, e.member: e.vote})
    chair = presiding_chair_on(meeting, state, e.item)
    own = after.votes.get(chair or "", "")
    own = own if own in ("ja", "nej") else ""
    if after.tied:  # the line names the utslagsröst (the fold stores it): acts fill it in
        if e.casting not in ("ja", "nej"):
            raise RuleError(
                "Rättelsen ger lika röstetal; ordförandens utslagsröst (ja eller nej) avgör."
            )
        if own and e.casting != own:
            raise RuleError(f"Ordföranden röstade {own}; utslagsrösten är ordförandens röst.")
    elif e.casting:
        raise RuleError("Utslagsröst ges bara vid lika röstetal.")
    after.casting = e.casting if after.tied else ""
    after.closed = True
    later = [r for r in state.paragraph(e.item).votes if r.round > e.round]
    if later and after.winner != found.winner:
        raise RuleError(
            f"Rättelsen ändrar utfallet av votering {e.round}, som votering "
            f"{later[0].round} bygger på; ångra voteringarna och rösta om i stället."
        )


def _c_motion_amended(meeting, state, e: ev.MotionAmended) -> None:
    motion = _need_motion(state, e.item, e.motion, active=False)
    if motion.text == e.text:
        raise RuleError(f"Yrkandet {e.motion} har redan den texten.")
    if motion.kind in ("ändring", "tillägg", "eget") and not e.text.strip():
        raise RuleError(f"Ett {ev.MOTION_KINDS[motion.kind]} måste ha en text.")


def _c_decision(meeting, state, e: ev.DecisionRecorded) -> None:
    if not any(p.strip() for p in e.points):
        raise RuleError("Beslutet är tomt; skriv minst en beslutspunkt.")
    paragraph = state.paragraphs.get(e.item)
    if paragraph is not None:
        if paragraph.status == TABLED:
            raise RuleError("Ärendet är bordlagt; ångra bordläggningen först.")
        if paragraph.status == REFERRED_BACK:
            raise RuleError("Ärendet är återremitterat; ångra återremissen först.")
        if any(not r.closed for r in paragraph.votes):
            raise RuleError("En votering pågår; avsluta den först.")


def _c_tabled(meeting, state, e: ev.ItemTabled | ev.ItemReferredBack) -> None:
    paragraph = state.paragraphs.get(e.item)
    if paragraph is None:
        return
    if paragraph.status == DECIDED:
        raise RuleError("Beslut är redan fattat i ärendet; ångra beslutet först.")
    if paragraph.status in (TABLED, REFERRED_BACK):
        word = "bordlagt" if paragraph.status == TABLED else "återremitterat"
        raise RuleError(f"Ärendet är redan {word}.")


def _c_reservation(meeting, state, e: ev.ReservationMade) -> None:
    # One reservation per member and decision: a second ReservationMade only brings the
    # written text of the one announced (the fold keeps one Reservation and replaces its
    # text); without text it would be a second reservation.
    if reservation_of(state, e.item, e.member) is not None and e.text.strip():
        reason = may_add_reservation_text(meeting, state, e.item, e.member)
    else:
        reason = may_reserve(meeting, state, e.item, e.member)
    if reason:
        raise RuleError(reason)
    if e.motion:
        paragraph = state.paragraphs[e.item]
        motion = _need_motion(state, e.item, e.motion)
        if e.member != motion.by and e.member not in motion.joined:
            raise RuleError(f"Yrkandet {e.motion} är inte {e.member}s eget.")
        if paragraph.finding == e.motion:
            raise RuleError(
                f"Yrkandet {e.motion} bifölls; reservation till förmån för det går inte."
            )


def _c_note(meeting, state, e: ev.NoteAdded) -> None:
    if not e.text.strip():
        raise RuleError("Protokollsanteckningen är tom.")


def _c_statement(meeting, state, e: ev.StatementAdded) -> None:
    if not e.text.strip():
        raise RuleError("Det särskilda uttalandet är tomt.")
    if not e.by.strip():
        raise RuleError("Ange vem som lämnar det särskilda uttalandet.")


def _c_adjustment_note(meeting, state, e: ev.AdjustmentNoteAdded) -> None:
    if not e.text.strip():
        raise RuleError("Justeringsanteckningen är tom.")
    if e.by not in state.adjusters:
        raise RuleError(f"{e.by or '(inget namn)'} är inte vald till justerare.")
    paragraph = state.paragraphs.get(e.item)
    if paragraph is None or paragraph.number is None:
        raise RuleError("Ärendet är inte behandlat; det finns ingen paragraf att anteckna på.")


def _c_justified(meeting, state, e: ev.ParagraphJustified) -> None:
    paragraph = state.paragraphs.get(e.item)
    if paragraph is None or paragraph.status not in (DECIDED, TABLED, REFERRED_BACK):
        raise RuleError("Paragrafen kan inte justeras innan ärendet är avgjort.")


def _c_secrecy(meeting, state, e: ev.SecrecySet) -> None:
    paragraph = state.paragraphs.get(e.item)
    if paragraph is not None and paragraph.status not in (PENDING, IN_PROGRESS):
        raise RuleError(
            f"{paragraph_label(state, e.item)} är redan avgjord; sekretess markeras innan "
            "ärendet avgörs (eller i meeting.toml, secrecy)."
        )
    if e.ground != e.ground.strip() or "\n" in e.ground:
        raise RuleError("Sekretessgrunden ska vara en rad, t.ex. OSL 26 kap. 1 §.")


def _c_minutes(meeting, state, e: ev.MinutesJustified) -> None:
    _need_date(e.date, "justeringsdatum")
    if e.posted:
        _need_date(e.posted, "anslagsdatum")
    if not state.closed_at:
        raise RuleError("Sammanträdet är inte avslutat; protokollet kan inte justeras.")
    held = meeting.date.isoformat()
    if e.date < held:  # ISO dates compare as strings
        raise RuleError(f"Justeringen ({e.date}) kan inte ske före sammanträdet ({held}).")
    if e.posted and e.posted < e.date:
        raise RuleError(f"Tillkännagivandet ({e.posted}) kan inte ske före justeringen ({e.date}).")


def _c_sealed(meeting, state, e: ev.MinutesSealed) -> None:
    if not state.justered_on:
        raise RuleError("Protokollet är inte justerat; det har inget sigill.")
    if not e.checksum.startswith("sha256:") or e.version < 1:
        raise RuleError(f"Ogiltigt sigill {e.checksum!r} (version {e.version}).")


def _c_revised(meeting, state, e: ev.MinutesRevised) -> None:
    _need_date(e.date)
    if not state.justered_on:
        raise RuleError("Protokollet är inte justerat; det skrivs om utan ny version.")
    if e.version < 2 or not e.previous:
        raise RuleError(f"Ogiltig version {e.version} av protokollet.")


def _c_posted(meeting, state, e: ev.MinutesPosted) -> None:
    _need_date(e.date, "anslagsdatum")
    if not state.justered_on:
        raise RuleError("Protokollet är inte justerat; det kan inte tillkännages ännu.")
    if e.date < state.justered_on:
        raise RuleError(
            f"Tillkännagivandet ({e.date}) kan inte ske före justeringen ({state.justered_on})."
        )
    if state.posted_on:
        raise RuleError(f"Tillkännagivandet är redan registrerat ({state.posted_on}).")


CHECKS = {
    ev.MeetingOpened: _c_opened,
    ev.MeetingAdjourned: _c_adjourned,
    ev.MeetingResumed: _c_resumed,
    ev.MeetingClosed: _c_closed,
    ev.AttendanceSet: _c_attendance,
    ev.MemberArrived: _c_arrived,
    ev.MemberLeft: _c_left,
    ev.SubstituteServes: _c_serves,
    ev.SubstituteStops: _c_stops,
    ev.OfficialPresent: _c_official,
    ev.AdjustersChosen: _c_adjusters,
    ev.AdjusterSubstituteChosen: _c_adjuster_substitute,
    ev.JusteringPlanned: _c_justering,
    ev.ItemCalled: _c_called,
    ev.Recused: _c_recused,
    ev.MotionMade: _c_motion,
    ev.MotionJoined: _c_joined,
    ev.MotionWithdrawn: _c_withdrawn,
    ev.VoteDemanded: _c_demanded,
    ev.VoteCast: _c_cast,
    ev.VoteClosed: _c_vote_closed,
    ev.VoteCorrected: _c_vote_corrected,
    ev.MotionAmended: _c_motion_amended,
    ev.DecisionRecorded: _c_decision,
    ev.ItemTabled: _c_tabled,
    ev.ItemReferredBack: _c_tabled,
    ev.ReservationMade: _c_reservation,
    ev.NoteAdded: _c_note,
    ev.StatementAdded: _c_statement,
    ev.AdjustmentNoteAdded: _c_adjustment_note,
    ev.ParagraphJustified: _c_justified,
    ev.SecrecySet: _c_secrecy,
    ev.MinutesJustified: _c_minutes,
    ev.MinutesPosted: _c_posted,
    ev.MinutesSealed: _c_sealed,
    ev.MinutesRevised: _c_revised,
}
