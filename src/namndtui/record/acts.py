"""The secretary's acts: (meeting, state, input) -> the events to apply, or RuleError.

One function per act the secretary performs (a key in the TUI, a call from the CLI or a
test). An act decides what is recorded: the implicit events that come with it (the item
is called, the meeting opened, when that has not happened yet), the refusals that depend
on what was decided before ("beslut enligt förslaget" after another proposal won), and
the drafts and choices a form opens with. It does not write anything: the caller applies
the events (`Record.apply`, which checks each against `procedure.check` once more).

`at` is the clock time "HH:MM" the act happens at, or the caller's clock giving it
(`Time`): a clock is read only when an event needs the time, so an act that stamps
nothing does not move an injected test clock.
Beside this module, with acts of the same shape: record/vote_acts.py (the chair's questions,
the votes, the minority's demand), record/correction_acts.py (a counted ballot or a
motion's text put right) and record/attendance_acts.py (the n screen). Refusals are
`RuleError` with a Swedish reason; the subclasses of record/refusals.py let a front end
add its own hint (which key to press instead) without parsing the text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from namndtui.model import Item, Meeting, Member
from namndtui.record import events as ev
from namndtui.record import questions as qs
from namndtui.record.procedure import (
    RuleError,
    may_add_reservation_text,
    may_reserve,
    not_sitting,
    serving,
)
from namndtui.record.refusals import (
    NobodyMayReserve,
    NoMotions,
    NoProposedDecision,
    NotAsProposed,
    NotOpen,
)
from namndtui.record.reservations import own_lost_motion
from namndtui.record.state import IN_PROGRESS, PENDING, RecordState
from namndtui.record.state_parts import Motion
from namndtui.secrecy.marking import DEFAULT_GROUND, secrecy_ground
from namndtui.timeofday import clock
from namndtui.vocabulary import MotionKind, decision_clause, end_sentence

# A time "HH:MM", or a clock that gives it when an event needs it.
Time = str | Callable[[], str]

# The decision a board takes when it rejects the administration's proposal (an avslag won).
DECISION_REJECTED = "Nämnden avslår förvaltningens förslag."


# --- reading what an act needs -------------------------------------------------------------


def item_of(meeting: Meeting, item_id: str) -> Item:
    item = meeting.item(item_id)
    if item is None:
        raise RuleError(f"Okänt ärende {item_id!r}.")
    return item


def adopted_motion(state: RecordState, item_id: str) -> Motion | None:
    """The motion the chair found adopted (or the last vote gave), if any."""
    para = state.paragraphs.get(item_id)
    return para.motion(para.finding) if para is not None and para.finding else None


def paragraph_number(state: RecordState, item_id: str) -> int:
    """The item's § (RecordState.paragraph_number, which the status line reads before the
    first frame without importing the acts)."""
    return state.paragraph_number(item_id)


def immediate_justification(meeting: Meeting, state: RecordState, item_id: str) -> bool:
    """Whether the § is to be justified at once: the record's choice, else the file's."""
    para = state.paragraphs.get(item_id)
    if para is not None and para.immediate_justification is not None:
        return para.immediate_justification
    return item_of(meeting, item_id).immediate_justification


def is_locked(state: RecordState, item_id: str) -> bool:
    """The § is justified: it changes only as a rättelse with its reason."""
    para = state.paragraphs.get(item_id)
    return para is not None and para.justified


def serving_members(meeting: Meeting, state: RecordState, item_id: str) -> list[Member]:
    """Those who serve on the item, in meeting order: who may move, join, be recused or
    reserve (an ersättare who does not serve may speak but not move). Everyone before the
    roll call, so a form never opens empty; the record still decides."""
    names = serving(meeting, state, item_id)
    return [m for m in meeting.members if m.name in names] or list(meeting.members)


def active_motions(state: RecordState, item_id: str) -> list[Motion]:
    """The motions in effect (not withdrawn), in the order they were made."""
    para = state.paragraphs.get(item_id)
    return list(para.active_motions) if para is not None else []


def pending_items(meeting: Meeting, state: RecordState) -> list[Item]:
    """The items not handled yet (what a close leaves undecided)."""
    return [
        i
        for i in meeting.items
        if i.id not in state.paragraphs or state.paragraphs[i.id].status == PENDING
    ]


def time_of(at: Time) -> str:
    """The time "HH:MM" of `at` (read from the clock when it is one)."""
    return at if isinstance(at, str) else at()


# --- the implicit events ---------------------------------------------------------------------


def call_events(meeting: Meeting, state: RecordState, item_id: str, at: Time) -> list[ev.Event]:
    """ItemCalled first when the item has not been handled yet, and MeetingOpened before
    the first item of all when the meeting was not opened: the minutes' Tid then starts
    when the board began to decide, not when the opening was remembered later."""
    item_of(meeting, item_id)
    para = state.paragraphs.get(item_id)
    if para is None or (para.status == PENDING and para.number is None):
        now = time_of(at)
        opened: list[ev.Event] = [] if state.opened_at else [ev.MeetingOpened(at=now)]
        return [*opened, ev.ItemCalled(item=item_id, at=now)]
    return []


def on_item(
    meeting: Meeting, state: RecordState, item_id: str, at: Time, *events: ev.Event
) -> list[ev.Event]:
    """`events`, preceded by the implicit call of the item (see call_events)."""
    return [*call_events(meeting, state, item_id, at), *events]


def as_correction(
    state: RecordState, item_id: str, event: ev.Event, reason: str
) -> list[ev.Event] | None:
    """On a justified § `event` can only be a rättelse: wrapped with its `reason` (which
    the minutes show; RuleError without one). None when the § is not justified (the act
    records `event` as it is)."""
    if not is_locked(state, item_id):
        return None
    if not reason.strip():
        raise RuleError("En rättelse av en justerad paragraf kräver ett skäl.")
    return [ev.CorrectionMade(item=item_id, reason=reason, change=event.to_dict())]


# --- deciding --------------------------------------------------------------------------------


def decide_as_proposed(
    meeting: Meeting, state: RecordState, item_id: str, at: Time, reason: str = ""
) -> list[ev.Event]:
    """b: the decision is the proposed decision word for word.

    Refused when the item has none (NoProposedDecision) and when the chair found (or the
    vote gave) another proposal than the administration's (NotAsProposed): "beslut enligt
    förslaget" would contradict the minutes' own proposition. A decision recorded already
    is replaced only as `e` would replace it: on a justified § as a rättelse with `reason`
    (the front end asks before replacing at all, see recorded_decision).
    """
    item = may_decide_as_proposed(meeting, state, item_id)
    return edit_decision(meeting, state, item_id, item.proposed_decision, at, reason)


def recorded_decision(state: RecordState, item_id: str) -> list[str] | None:
    """The decision recorded on the item (None when there is none): what a `b` would
    replace, so the front end asks first."""
    para = state.paragraphs.get(item_id)
    return list(para.decision) if para is not None and para.decision is not None else None


def may_decide_as_proposed(meeting: Meeting, state: RecordState, item_id: str) -> Item:
    """The item, when it may be decided as proposed (else the refusal, see
    decide_as_proposed)."""
    item = item_of(meeting, item_id)
    if not item.proposed_decision:
        raise NoProposedDecision()
    adopted = adopted_motion(state, item_id)
    if adopted is not None and adopted.kind != MotionKind.BIFALL:
        raise NotAsProposed(adopted)
    return item


def decision_draft(meeting: Meeting, state: RecordState, item_id: str) -> list[str]:
    """The points the decision form opens with: the recorded decision; else what the
    adopted motion says (an avslag, an ändring's text, a tillägg after the proposal);
    else the proposed decision."""
    item = item_of(meeting, item_id)
    para = state.paragraphs.get(item_id)
    if para is not None and para.decision:
        return list(para.decision)
    proposed = list(item.proposed_decision)
    # tilläggsyrkanden the board adopted (record/questions.py) follow the main decision
    added = [
        decision_point(item, m.text)
        for q in qs.suggested(item, state.paragraph(item_id))
        if q.kind == qs.ADDITION and q.settled and q.result == q.key
        if (m := state.paragraph(item_id).motion(q.key)) is not None and m.text
    ]
    adopted = adopted_motion(state, item_id)
    if adopted is None or (adopted.kind == MotionKind.BIFALL and not adopted.text):
        return proposed + added
    if adopted.kind == MotionKind.AVSLAG:
        return [DECISION_REJECTED]
    point = decision_point(item, adopted.text)
    if adopted.kind == MotionKind.TILLAGG and adopted.text:
        return [*proposed, point]
    return ([point] if adopted.text else proposed) + added


_DECIDERS = ("nämnden", "styrelsen", "fullmäktige", "utskottet")


def decision_point(item: Item, text: str) -> str:
    """A motion's text as a point of the decision: an att-clause ("i yttrandet framhålla
    cykelvägarna", "nämnden beslutar att …") becomes a sentence with the body that
    decides, named as the item's proposed decision names it ("Stadsdelsnämnden beslutar
    att …"; else "Nämnden"); a text of its own ("Bidraget höjs.") stays as written."""
    clause = decision_clause(text)
    if not clause[:1].islower():
        return text.strip()
    first = item.proposed_decision[0].split(maxsplit=1)[0] if item.proposed_decision else ""
    decider = first if first.lower().endswith(_DECIDERS) else "Nämnden"
    return f"{decider} beslutar att {end_sentence(clause)}"


def edit_decision(
    meeting: Meeting,
    state: RecordState,
    item_id: str,
    points: Sequence[str],
    at: Time,
    reason: str = "",
) -> list[ev.Event]:
    """e: the decision as written. On a justified § it is a rättelse and needs `reason`
    (shown in the minutes); the item is not called again then."""
    item_of(meeting, item_id)
    decision = ev.DecisionRecorded(item=item_id, points=tuple(points))
    corrected = as_correction(state, item_id, decision, reason)
    return corrected or on_item(meeting, state, item_id, at, decision)


def toggle_immediate_justification(
    meeting: Meeting, state: RecordState, item_id: str, at: Time
) -> list[ev.Event]:
    """o: omedelbar justering on when it is off, off when on."""
    value = not immediate_justification(meeting, state, item_id)
    return on_item(
        meeting, state, item_id, at, ev.ImmediateJustificationSet(item=item_id, value=value)
    )


def secrecy(meeting: Meeting, state: RecordState, item_id: str) -> str:
    """The legal ground the item is secret on ("" = public), as the record says."""
    return secrecy_ground(item_of(meeting, item_id), state.paragraphs.get(item_id))


def toggle_secrecy(meeting: Meeting, state: RecordState, item_id: str) -> list[ev.Event]:
    """S: the item secret (on meeting.toml's ground, else OSL 26 kap. 1 §) when it is
    public, public when secret. Not an act of the board: the item is not called."""
    item = item_of(meeting, item_id)
    ground = "" if secrecy(meeting, state, item_id) else (item.secrecy.strip() or DEFAULT_GROUND)
    return [ev.SecrecySet(item=item_id, ground=ground)]


def table(meeting: Meeting, state: RecordState, item_id: str, at: Time) -> list[ev.Event]:
    """t: the item is tabled (bordlagt)."""
    return on_item(meeting, state, item_id, at, ev.ItemTabled(item=item_id))


def refer_back(
    meeting: Meeting, state: RecordState, item_id: str, reason: str, at: Time
) -> list[ev.Event]:
    """s: the item is referred back (återremitterat), with the reason if given."""
    return on_item(meeting, state, item_id, at, ev.ItemReferredBack(item=item_id, reason=reason))


# --- motions ---------------------------------------------------------------------------------


def motion(
    meeting: Meeting,
    state: RecordState,
    item_id: str,
    *,
    by: str,
    kind: str,
    text: str,
    joined: Sequence[str],
    at: Time,
) -> list[ev.Event]:
    """y: a yrkande, numbered after the item's earlier ones (y1, y2 …)."""
    para = state.paragraphs.get(item_id)
    motion_id = ev.next_motion_id([m.id for m in para.motions] if para else [])
    made = ev.MotionMade(
        item=item_id, motion=motion_id, by=by, kind=kind, text=text, joined=tuple(joined)
    )
    return on_item(meeting, state, item_id, at, made)


def need_motions(state: RecordState, item_id: str) -> list[Motion]:
    """The motions in effect; NoMotions when there are none (an act about a motion)."""
    motions = active_motions(state, item_id)
    if not motions:
        raise NoMotions()
    return motions


def withdraw(
    meeting: Meeting, state: RecordState, item_id: str, motion_id: str, at: Time
) -> list[ev.Event]:
    """w: a motion is withdrawn."""
    need_motions(state, item_id)
    return on_item(meeting, state, item_id, at, ev.MotionWithdrawn(item=item_id, motion=motion_id))


def join(
    meeting: Meeting, state: RecordState, item_id: str, motion_id: str, member: str, at: Time
) -> list[ev.Event]:
    """i: a member joins (instämmer i) a motion."""
    need_motions(state, item_id)
    joined = ev.MotionJoined(item=item_id, motion=motion_id, member=member)
    return on_item(meeting, state, item_id, at, joined)


# --- reservations, notes, recusal ------------------------------------------------------------


@dataclass(frozen=True)
class ReservationChoices:
    """Who the reservation form lists: those who served on the item, each with the
    reason they may not reserve ("" = may); `texts` have reserved already and may hand in
    the written text (until the justering)."""

    members: list[Member]
    reasons: dict[str, str]
    texts: set[str]


def reservation_choices(meeting: Meeting, state: RecordState, item_id: str) -> ReservationChoices:
    """The reservation form's members; NobodyMayReserve when nobody may (with the one
    reason when all share it)."""
    members = serving_members(meeting, state, item_id)
    reasons = {m.name: may_reserve(meeting, state, item_id, m.name) for m in members}
    texts = {
        name
        for name, reason in reasons.items()
        if reason and not may_add_reservation_text(meeting, state, item_id, name)
    }
    for name in texts:
        reasons[name] = ""
    closed = not_sitting(state, new_reservation=True)  # after the close: the texts only
    if closed:
        if not texts:
            raise RuleError(closed)
        reasons = {name: "" if name in texts else closed for name in reasons}
    if all(reasons.values()):
        distinct = set(reasons.values())
        raise NobodyMayReserve(distinct.pop() if len(distinct) == 1 else "")
    return ReservationChoices(members, reasons, texts)


def is_reservation_text(meeting: Meeting, state: RecordState, item_id: str, member: str) -> bool:
    """`member` reserved already: a ReservationMade now brings the written text."""
    return not may_add_reservation_text(meeting, state, item_id, member)


def reservation(
    meeting: Meeting, state: RecordState, item_id: str, member: str, text: str, at: Time
) -> list[ev.Event]:
    """r: a reservation, or the written text of one made earlier. The text is not an act
    on the item now (the meeting may be closed), so the item is not called for it."""
    if is_reservation_text(meeting, state, item_id, member):
        return [ev.ReservationMade(item=item_id, member=member, text=text)]
    own = own_lost_motion(state.paragraph(item_id), member)  # "till förmån för eget yrkande"
    made = ev.ReservationMade(item=item_id, member=member, text=text, motion=own)
    return on_item(meeting, state, item_id, at, made)


def note(
    meeting: Meeting, state: RecordState, item_id: str, by: str, text: str, at: Time
) -> list[ev.Event]:
    """a: a protokollsanteckning (by a member, or the board's own when `by` is "")."""
    return on_item(meeting, state, item_id, at, ev.NoteAdded(item=item_id, text=text, by=by))


def presenter(
    meeting: Meeting, state: RecordState, item_id: str, name: str, at: Time
) -> list[ev.Event]:
    """F: who presented the item (föredragande), optional: the item is called with it (a
    called item keeps its § and time; only the föredragande is added)."""
    calling = call_events(meeting, state, item_id, at)
    if calling:
        called = calling[-1]
        return [*calling[:-1], ev.ItemCalled(item=item_id, at=called.at, presenter=name)]
    return [ev.ItemCalled(item=item_id, presenter=name)]


def adjustment_note(
    meeting: Meeting, state: RecordState, item_id: str, by: str, text: str
) -> list[ev.Event]:
    """g: a justeringsanteckning, a justerare's objection to the wording of the § (at or
    before the justering; it does not call the item: only a handled § has one)."""
    return [ev.AdjustmentNoteAdded(item=item_id, by=by, text=text)]


def recusal_substitutes(meeting: Meeting, state: RecordState, member: str) -> list[Member]:
    """Who may step in for `member` on a recusal: a present ersättare not serving for
    anyone already (the record checks it again)."""
    return [
        m
        for m in meeting.substitutes
        if m.name != member and state.present.get(m.name) and m.name not in state.serving_for
    ]


def recusal(
    meeting: Meeting, state: RecordState, item_id: str, member: str, substitute: str, at: Time
) -> list[ev.Event]:
    """J: `member` is jävig on the item; `substitute` ("" = nobody) serves instead. Not a
    call of the item: a jäv is often announced before the item comes up, and numbering
    the item then would give it the next § and push back those above it (the fold reads a
    recusal on an unhandled item as announced in advance; the next act calls it)."""
    item_of(meeting, item_id)
    return [ev.Recused(item=item_id, member=member, substitute=substitute)]


# --- the sitting -----------------------------------------------------------------------------


def open_meeting(state: RecordState, at: Time) -> list[ev.Event]:
    """m (first): the meeting is opened."""
    if state.opened_at:
        raise RuleError(f"Sammanträdet öppnades redan kl. {clock(state.opened_at)}.")
    return [ev.MeetingOpened(at=time_of(at))]


def justify_now(meeting: Meeting, state: RecordState, item_id: str) -> bool:
    """A settled § with omedelbar justering that is not justified yet: the paragraphs
    decided with it are read out and approved at the meeting, justified as it closes."""
    para = state.paragraphs.get(item_id)
    if para is None or para.number is None or para.justified:
        return False
    if para.status in (PENDING, IN_PROGRESS):
        return False
    return immediate_justification(meeting, state, item_id)


def close_meeting(meeting: Meeting, state: RecordState, at: Time) -> list[ev.Event]:
    """m (again): the meeting is closed; the § with omedelbar justering are justified."""
    if not state.opened_at:
        raise NotOpen()
    immediate = [
        ev.ParagraphJustified(item=i.id) for i in meeting.items if justify_now(meeting, state, i.id)
    ]
    return [ev.MeetingClosed(at=time_of(at)), *immediate]


def adjourn(state: RecordState, at: Time) -> list[ev.Event]:
    """A: ajournering from now; during one: the meeting resumes (both in the minutes)."""
    if not state.opened_at:
        raise NotOpen()
    if state.breaks and not state.breaks[-1][1]:
        return [ev.MeetingResumed(at=time_of(at))]
    return [ev.MeetingAdjourned(at=time_of(at))]


def may_sit(state: RecordState) -> None:
    """An act of the sitting board (a motion, a finding, a vote …) is possible now; else
    the reason (closed, adjourned), so a front end says it at the key, before a form."""
    reason = not_sitting(state)
    if reason:
        raise RuleError(reason)


def is_adjourned(state: RecordState) -> bool:
    return bool(state.breaks) and not state.breaks[-1][1]
