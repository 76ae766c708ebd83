"""The rules of procedure: pure functions over (Meeting, RecordState).

Every refusal is a `RuleError` with a Swedish message the TUI shows as is. Sources
(kommunallagen 2017:725, "KL"): quorum KL 6 kap. 27 §; jäv KL 6 kap. 28–30 §§; the chair's
casting vote KL 5 kap. 55 § and reservation KL 4 kap. 27 § (both applied to
nämnder via 6 kap.; these two section numbers are not verified).
See docs/record.md for the rules one by one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record.state import (
    DECIDED,
    IN_PROGRESS,
    PENDING,
    REFERRED_BACK,
    TABLED,
    Paragraph,
    RecordState,
    Reservation,
    VoteRound,
)
from namndtui.textcheck import storable_problem


class RuleError(Exception):
    """An act the rules refuse; `message` is the Swedish reason."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# --- who serves, quorum ---------------------------------------------------------------------


@dataclass(frozen=True)
class Quorum:
    present: int  # seats filled by a serving person (not recused)
    seats: int
    ok: bool

    def text(self) -> str:
        word = "Beslutför" if self.ok else "EJ BESLUTFÖR"
        return f"{word} {self.present}/{self.seats}"

    def reason(self) -> str:
        """Why the board cannot decide (Swedish), for refusals."""
        need = self.seats // 2 + 1
        return (
            f"Nämnden är inte beslutför: {self.present} av {self.seats} ledamöter "
            f"tjänstgör, minst {need} krävs (KL 6 kap. 27 §)."
        )


def live_serving(meeting: Meeting, state: RecordState, item_id: str = "") -> dict[str, str]:
    """Who serves now: person -> seat holder they serve for ("" = own seat).

    A present seat holder serves in their own seat; otherwise a present ersättare serving
    for them. For `item_id`, the recused are taken out and the ersättare named in the
    recusal serves in that seat instead. Ordered as `meeting.members`.
    """
    seat_person: dict[str, str] = {}
    for seat in meeting.seats:
        if state.present.get(seat.name):
            seat_person[seat.name] = seat.name
    for sub, seat in state.serving_for.items():
        if seat not in seat_person and state.present.get(sub):
            seat_person[seat] = sub
    paragraph = state.paragraphs.get(item_id) if item_id else None
    if paragraph is not None:
        for recusal in paragraph.recusals:
            seat = next((s for s, p in seat_person.items() if p == recusal.member), None)
            if seat is None:
                continue
            if recusal.substitute:
                seat_person[seat] = recusal.substitute
            else:
                del seat_person[seat]
    person_seat = {p: ("" if p == s else s) for s, p in seat_person.items()}
    return {m.name: person_seat[m.name] for m in meeting.members if m.name in person_seat}


def serving(meeting: Meeting, state: RecordState, item_id: str = "") -> dict[str, str]:
    """Who serves on `item_id`: the paragraph's snapshot once the item has been handled and
    is no longer current (attendance may have changed since), else the live attendance."""
    paragraph = state.paragraphs.get(item_id) if item_id else None
    if (
        paragraph is not None
        and paragraph.number is not None
        and (item_id != state.current_item or paragraph.status not in (PENDING, IN_PROGRESS))
    ):
        return paragraph.serving
    return live_serving(meeting, state, item_id)


def quorum(meeting: Meeting, state: RecordState, item_id: str = "") -> Quorum:
    """More than half of the seats filled, counting serving ersättare, not the recused.

    A meeting file without any seats has nothing to count: always "beslutför" 0/0.
    """
    seats = len(meeting.seats)
    present = len(serving(meeting, state, item_id))
    return Quorum(present, seats, seats == 0 or present * 2 > seats)


def voters(meeting: Meeting, state: RecordState, item_id: str) -> list[str]:
    """The members who may vote on the item, in `meeting.members` order."""
    return list(serving(meeting, state, item_id))


def presiding_chair_on(meeting: Meeting, state: RecordState, item_id: str) -> str | None:
    """Who presides over the item: the ordförande when serving on it, else the first vice
    ordförande serving on it (meeting order); None when neither serves (the board then
    chose someone else, whom the meeting file cannot know)."""
    on_item = serving(meeting, state, item_id)
    chair = meeting.chair
    if chair is not None and chair.name in on_item:
        return chair.name
    return next((m.name for m in meeting.members if m.is_vice_chair and m.name in on_item), None)


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

_ORDER_GROUP = {"återremiss": 0, "bordläggning": 0, "tillägg": 2}


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
        if (motion := paragraph.motion(m)) and motion.kind not in (*ev.FORMAL_KINDS, "tillägg")
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


def reservation_of(state: RecordState, item_id: str, member: str) -> Reservation | None:
    """`member`'s reservation against the decision on the item, if announced."""
    paragraph = state.paragraphs.get(item_id)
    if paragraph is None:
        return None
    return next((r for r in paragraph.reservations if r.member == member), None)


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


def not_sitting(state: RecordState, *, new_reservation: bool = False) -> str:
    """Why acts of the sitting board are refused now ("" while it sits or before it opens):
    the meeting is closed or adjourned."""
    if state.closed_at:
        if new_reservation:
            return (
                f"Sammanträdet är avslutat (kl. {state.closed_at}); en reservation anmäls "
                "under sammanträdet (den skriftliga texten kan komma senare)."
            )
        return (
            f"Sammanträdet är avslutat (kl. {state.closed_at}); ångra avslutningen om något "
            "återstår att registrera."
        )
    if state.breaks and not state.breaks[-1][1]:
        return f"Sammanträdet är ajournerat sedan kl. {state.breaks[-1][0]}; återuppta det först."
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


# --- check: may this event be applied now? ---------------------------------------------------

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")

# Acts that decide something: refused without quorum.
_DECIDING = (
    ev.DecisionRecorded,
    ev.ChairFinding,
    ev.QuestionDecided,
    ev.VoteClosed,
    ev.ItemTabled,
    ev.ItemReferredBack,
)
_ATTENDANCE = (
    ev.AttendanceSet,
    ev.MemberArrived,
    ev.MemberLeft,
    ev.SubstituteServes,
    ev.SubstituteStops,
)
_NOT_CORRECTABLE = (
    ev.CorrectionMade,
    ev.Undone,
    ev.Redone,
    ev.ParagraphJustified,
    ev.MinutesJustified,
    ev.MinutesPosted,
)


def is_act(event: ev.Event) -> bool:
    """Everything but Undone/Redone is an act (something undo can take back)."""
    return not isinstance(event, ev.Undone | ev.Redone)


def paragraph_label(state: RecordState, item_id: str) -> str:
    paragraph = state.paragraphs.get(item_id)
    if paragraph is not None and paragraph.number is not None:
        return f"§ {paragraph.number}"
    return f"ärendet {item_id!r}"


def check(meeting: Meeting, state: RecordState, event: ev.Event) -> None:
    """Raise RuleError when the rules refuse `event` in this state."""
    _check_text(event.to_dict())
    _check(meeting, state, event, unlocked=False)


def _check_text(value: object) -> None:
    """Every text of the act can be stored (also inside a correction); see textcheck."""
    if isinstance(value, str):
        if problem := storable_problem(value):
            raise RuleError(problem[0].upper() + problem[1:] + ".")
    elif isinstance(value, dict):
        for v in value.values():
            _check_text(v)
    elif isinstance(value, list | tuple):
        for v in value:
            _check_text(v)


def _check(meeting: Meeting, state: RecordState, event: ev.Event, *, unlocked: bool) -> None:
    if isinstance(event, ev.Undone):
        return _check_undo(meeting, state, event)
    if isinstance(event, ev.Redone):
        if not state.redo_stack:
            raise RuleError("Det finns inget att göra om.")
        if event.target != state.redo_stack[-1]:
            raise RuleError("Endast den senast ångrade åtgärden kan göras om.")
        return None
    if isinstance(event, ev.CorrectionMade):
        return _check_correction(meeting, state, event)
    item_id = getattr(event, "item", None)
    item_event = item_id is not None and not isinstance(event, _ATTENDANCE)
    if item_event:
        if meeting.item(item_id) is None:
            raise RuleError(f"Okänt ärende {item_id!r}.")
        paragraph = state.paragraphs.get(item_id)
        if paragraph is not None and paragraph.justified and not unlocked:
            if isinstance(event, ev.ParagraphJustified):
                raise RuleError(f"{paragraph_label(state, item_id)} är redan justerad.")
            raise RuleError(
                f"{paragraph_label(state, item_id)} är justerad; ändringar görs som rättelse "
                "med angivet skäl."
            )
    elif state.justered_on and not unlocked and not isinstance(event, ev.MinutesPosted):
        raise RuleError("Protokollet är justerat; ändringar görs som rättelse med angivet skäl.")
    if not unlocked:
        _check_sitting(state, event, item_event)
    handler = _CHECKS.get(type(event))
    if handler is not None:
        handler(meeting, state, event)
    if isinstance(event, _DECIDING) and item_id:
        q = quorum(meeting, state, item_id)
        if not q.ok:
            raise RuleError(q.reason())
    if item_event:
        from namndtui.record import questions  # imports this module

        questions.check(meeting, state, event)
    return None


def _check_sitting(state: RecordState, event: ev.Event, item_event: bool) -> None:
    """After the close no act about an item and no attendance change; during a break no
    act about an item (people come and go during a break). Not acts of the sitting board,
    so allowed then: justifying a settled §, the written text of a reservation announced
    at the meeting (checked by their own rules) and, after the close, the wording of a
    decision taken at the meeting (until the § is justified), a ballot or a motion's text
    put right (röst rättad, yrkande ändrat); the secretary's marking of an undecided item
    as secret (namndtui.secrecy)."""
    if not (item_event or (state.closed_at and isinstance(event, _ATTENDANCE))):
        return
    if isinstance(event, ev.ParagraphJustified | ev.AdjustmentNoteAdded | ev.SecrecySet):
        return
    if isinstance(event, ev.VoteCorrected | ev.MotionAmended):
        return  # what was recorded at the meeting put right, not an act of the board
    if isinstance(event, ev.DecisionRecorded) and state.closed_at:
        paragraph = state.paragraphs.get(event.item)
        if paragraph is not None and paragraph.decision is not None:
            # The wording of a decision taken at the meeting is the secretary's to put
            # right until the justering (the adjusters check it); a new one is refused.
            return
    if isinstance(event, ev.ReservationMade):
        if reservation_of(state, event.item, event.member) is not None:
            return  # a text for it, or "har redan reserverat sig" from _c_reservation
        reason = not_sitting(state, new_reservation=True)
    else:
        reason = not_sitting(state)
    if reason:
        raise RuleError(reason)


def _check_undo(meeting: Meeting, state: RecordState, event: ev.Undone) -> None:
    if not state.done:
        raise RuleError("Det finns inget att ångra.")
    if event.target != state.done[-1]:
        raise RuleError("Endast den senaste åtgärden kan ångras.")
    target = next((e for s, _, e in reversed(state.log) if s == event.target), None)
    if target is None:  # pragma: no cover - done and log are kept together by the fold
        raise RuleError("Det finns inget att ångra.")
    if isinstance(target, ev.CorrectionMade | ev.MinutesJustified | ev.MinutesPosted):
        return
    item_id = getattr(target, "item", "")
    paragraph = state.paragraphs.get(item_id) if item_id else None
    if paragraph is not None and paragraph.justified:
        own = isinstance(target, ev.ParagraphJustified) and not state.justered_on
        if not own:
            raise RuleError(
                f"{paragraph_label(state, item_id)} är justerad; åtgärden kan inte ångras "
                "(gör en rättelse)."
            )
    elif state.justered_on and not item_id:
        raise RuleError("Protokollet är justerat; åtgärden kan inte ångras (gör en rättelse).")


def _check_correction(meeting: Meeting, state: RecordState, event: ev.CorrectionMade) -> None:
    if not event.reason.strip():
        raise RuleError("En rättelse måste ha ett skäl.")
    try:
        inner = ev.from_dict(event.change)
    except ev.EventFormatError as exc:
        raise RuleError(f"Rättelsen går inte att läsa: {exc}.") from None
    if isinstance(inner, _NOT_CORRECTABLE):
        raise RuleError(f"Det går inte att rätta med en händelse av typen {inner.TYPE!r}.")
    inner_item = getattr(inner, "item", None)
    if event.item:
        if meeting.item(event.item) is None:
            raise RuleError(f"Okänt ärende {event.item!r}.")
        paragraph = state.paragraphs.get(event.item)
        if paragraph is None or not paragraph.justified:
            raise RuleError(
                f"{paragraph_label(state, event.item)} är inte justerad; ändra direkt "
                "i stället för att rätta."
            )
        if inner_item != event.item:
            raise RuleError("Rättelsen måste gälla samma ärende som den rättade paragrafen.")
    else:
        if not state.justered_on:
            raise RuleError("Protokollet är inte justerat; ändra direkt i stället för att rätta.")
        if isinstance(inner_item, str) and not isinstance(
            inner, ev.MemberArrived | ev.MemberLeft | ev.SubstituteServes | ev.SubstituteStops
        ):
            raise RuleError("En rättelse av ett ärende ska ange ärendet.")
    _check(meeting, state, inner, unlocked=True)


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
        raise RuleError(f"Sammanträdet är redan öppnat (kl. {state.opened_at}).")


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
        raise RuleError(f"Sammanträdet är redan avslutat (kl. {state.closed_at}).")


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


def _c_justering(meeting, state, e: ev.JusteringPlanned) -> None:
    _need_date(e.date)
    _need_time(e.time)


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


def _c_order(meeting, state, e: ev.PropositionOrderSet) -> None:
    if len(set(e.order)) != len(e.order):
        raise RuleError("Ett yrkande förekommer två gånger i propositionsordningen.")
    for motion_id in e.order:
        _need_motion(state, e.item, motion_id)


def _c_finding(meeting, state, e: ev.ChairFinding) -> None:
    _need_motion(state, e.item, e.motion)
    paragraph = state.paragraphs[e.item]
    if any(not r.closed for r in paragraph.votes):
        raise RuleError("En votering pågår; avsluta den först.")


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
    if after.tied:
        if not (e.casting or own):
            raise RuleError(
                "Rättelsen ger lika röstetal; ordförandens utslagsröst (ja eller nej) avgör."
            )
        if e.casting and own and e.casting != own:
            raise RuleError(f"Ordföranden röstade {own}; utslagsrösten är ordförandens röst.")
    elif e.casting:
        raise RuleError("Utslagsröst ges bara vid lika röstetal.")
    after.casting = (e.casting or own) if after.tied else ""
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


_CHECKS = {
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
    ev.JusteringPlanned: _c_justering,
    ev.ItemCalled: _c_called,
    ev.Recused: _c_recused,
    ev.MotionMade: _c_motion,
    ev.MotionJoined: _c_joined,
    ev.MotionWithdrawn: _c_withdrawn,
    ev.PropositionOrderSet: _c_order,
    ev.ChairFinding: _c_finding,
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
}
