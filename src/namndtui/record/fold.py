"""Events -> RecordState.

`apply_event` mutates a state by one event, in O(members) at most: the live meeting never
refolds its history per key press. The exceptions are `Undone`/`Redone`: they refold the
acts still in effect (O(events), only on ctrl+z / ctrl+y), which makes "undo exactly that
act" true by construction.

The fold does not check rules (procedure.check does, before an event is written); it is
total: any sequence of well-formed events folds without raising, because a journal that is
on disk must always open. An event that does not fit the state (e.g. a vote in a round that
does not exist) has no effect.

§ numbers: `meeting.first_paragraph` (else 1) and on, in order of first handling. An item is
handled when it is called (ItemCalled) or when any act other than a recusal concerns it
(the act calls it implicitly, as if ItemCalled without a time had come first). A recusal
on an item not yet handled (announced in advance) does not call the item.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record import questions
from namndtui.record.procedure import is_act, live_serving
from namndtui.record.state import (
    DECIDED,
    IN_PROGRESS,
    PENDING,
    REFERRED_BACK,
    TABLED,
    Paragraph,
    RecordState,
)
from namndtui.record.state_parts import (
    AttendanceChange,
    Correction,
    Motion,
    Note,
    Recusal,
    Reservation,
    Revision,
    Statement,
    VoteRound,
)

BOOKKEEPING = ("log", "done", "undone", "redo_stack", "group_of")


def new_state(meeting: Meeting) -> RecordState:
    """The state before any event: § numbering starts at the meeting's first paragraph."""
    return RecordState.before_events(meeting.first_paragraph)


def fold(meeting: Meeting, events: Iterable[ev.Event]) -> RecordState:
    """Fold events given in journal order (seq = position 1..n, no times)."""
    return fold_entries(meeting, ((n, "", e) for n, e in enumerate(events, start=1)))


def fold_entries(meeting: Meeting, entries: Iterable[tuple[int, str, ev.Event]]) -> RecordState:
    """Fold (seq, time, event) entries as replayed from the journal."""
    state = new_state(meeting)
    for seq, time, event in entries:
        apply_event(meeting, state, event, seq, time)
    return state


def apply_event(
    meeting: Meeting, state: RecordState, event: ev.Event, seq: int = 0, time: str = ""
) -> None:
    """Apply one event to `state` in place (`time` is the journal time, ISO seconds)."""
    state.log.append((seq, time, event))
    if isinstance(event, ev.ActGrouped):
        for member in state.done:
            if event.first <= member < seq:
                state.group_of[member] = event.first
        return
    if isinstance(event, ev.Undone):
        members = state.act_members(event.target, state.done)
        if members:
            key = state.act_key(event.target)
            state.done[:] = [s for s in state.done if s not in members]
            state.undone.update(members)
            state.redo_stack.append(key)
            _refold(meeting, state)
        return
    if isinstance(event, ev.Redone):
        members = state.act_members(event.target, sorted(state.undone))
        if members:
            state.undone.difference_update(members)
            key = state.act_key(event.target)
            if key in state.redo_stack:
                state.redo_stack.remove(key)
            state.done.extend(members)
            _refold(meeting, state)
        return
    state.done.append(seq)
    state.redo_stack.clear()
    _apply_act(meeting, state, event, time)


def _refold(meeting: Meeting, state: RecordState) -> None:
    """Rebuild the meeting part of `state` from the acts in effect, in journal order."""
    fresh = new_state(meeting)
    for seq, time, event in state.log:
        if is_act(event) and seq not in state.undone:
            _apply_act(meeting, fresh, event, time)
    for f in dataclasses.fields(RecordState):
        if f.name not in BOOKKEEPING:
            setattr(state, f.name, getattr(fresh, f.name))


# --- the acts --------------------------------------------------------------------------------


def _apply_act(meeting: Meeting, state: RecordState, event: ev.Event, time: str) -> None:
    handler = _HANDLERS.get(type(event))
    if handler is not None:
        handler(meeting, state, event, time)


def _call(meeting: Meeting, state: RecordState, item_id: str, at: str = "") -> Paragraph:
    """Handle the item: give it a § number if it has none and make it current."""
    paragraph = state.paragraphs.get(item_id)
    if paragraph is None:
        paragraph = state.paragraphs[item_id] = Paragraph(item=item_id)
    if paragraph.number is None:
        paragraph.number = state.next_number
        state.next_number += 1
    if paragraph.status == PENDING:
        paragraph.status = IN_PROGRESS
    if at and not paragraph.called_at:
        paragraph.called_at = at
    state.current_item = item_id
    _snapshot(meeting, state, paragraph)
    return paragraph


def _handled(meeting: Meeting, state: RecordState, item_id: str) -> Paragraph:
    """The paragraph of an item an act concerns, calling the item implicitly if needed."""
    paragraph = state.paragraphs.get(item_id)
    if paragraph is None or paragraph.number is None:
        return _call(meeting, state, item_id)
    return paragraph


def _snapshot(meeting: Meeting, state: RecordState, paragraph: Paragraph) -> None:
    """Record who serves on the paragraph, until it is decided (then it is frozen)."""
    if paragraph.status in (PENDING, IN_PROGRESS) and not paragraph.justified:
        paragraph.serving = live_serving(meeting, state, paragraph.item)


def _attendance_changed(meeting: Meeting, state: RecordState) -> None:
    current = state.paragraphs.get(state.current_item) if state.current_item else None
    if current is not None:
        _snapshot(meeting, state, current)


def _h_opened(meeting, state, e: ev.MeetingOpened, time) -> None:
    state.opened_at = e.at


def _h_adjourned(meeting, state, e: ev.MeetingAdjourned, time) -> None:
    state.breaks.append((e.at, ""))


def _h_resumed(meeting, state, e: ev.MeetingResumed, time) -> None:
    if state.breaks and not state.breaks[-1][1]:
        state.breaks[-1] = (state.breaks[-1][0], e.at)


def _h_closed(meeting, state, e: ev.MeetingClosed, time) -> None:
    state.closed_at = e.at
    if state.breaks and not state.breaks[-1][1]:
        state.breaks[-1] = (state.breaks[-1][0], e.at)


def _h_attendance(meeting, state, e: ev.AttendanceSet, time) -> None:
    state.present[e.member] = e.present
    if not e.present:
        state.serving_for.pop(e.member, None)
    _attendance_changed(meeting, state)


def _h_arrived(meeting, state, e: ev.MemberArrived, time) -> None:
    state.present[e.member] = True
    state.changes.append(AttendanceChange(e.member, "arrived", e.item, at=e.at))
    # A seat holder who arrives takes the seat back: their ersättare stops serving.
    for sub, seat in list(state.serving_for.items()):
        if seat == e.member:
            del state.serving_for[sub]
            state.changes.append(AttendanceChange(sub, "stops", e.item, for_member=seat, at=e.at))
    _attendance_changed(meeting, state)


def _h_left(meeting, state, e: ev.MemberLeft, time) -> None:
    state.present[e.member] = False
    state.changes.append(AttendanceChange(e.member, "left", e.item, at=e.at))
    seat = state.serving_for.pop(e.member, None)
    if seat is not None:
        state.changes.append(AttendanceChange(e.member, "stops", e.item, for_member=seat, at=e.at))
    _attendance_changed(meeting, state)


def _h_serves(meeting, state, e: ev.SubstituteServes, time) -> None:
    state.present[e.substitute] = True  # serving implies present
    state.serving_for[e.substitute] = e.for_member
    state.changes.append(AttendanceChange(e.substitute, "serves", e.item, for_member=e.for_member))
    _attendance_changed(meeting, state)


def _h_stops(meeting, state, e: ev.SubstituteStops, time) -> None:
    seat = state.serving_for.pop(e.substitute, None)
    if seat is not None:
        state.changes.append(AttendanceChange(e.substitute, "stops", e.item, for_member=seat))
        _attendance_changed(meeting, state)


def _h_official(meeting, state, e: ev.OfficialPresent, time) -> None:
    state.officials = [o for o in state.officials if o[0] != e.name]
    if e.present:
        state.officials.append((e.name, e.title))


def _h_adjusters(meeting, state, e: ev.AdjustersChosen, time) -> None:
    state.adjusters = list(e.members)


def _h_adjuster_substitute(meeting, state, e: ev.AdjusterSubstituteChosen, time) -> None:
    state.adjuster_substitute = e.member


def _h_justering(meeting, state, e: ev.JusteringPlanned, time) -> None:
    state.justering_date, state.justering_time, state.justering_place = e.date, e.time, e.place


def _h_called(meeting, state, e: ev.ItemCalled, time) -> None:
    paragraph = _call(meeting, state, e.item, e.at)
    if e.presenter:
        paragraph.presenter = e.presenter


def _h_recused(meeting, state, e: ev.Recused, time) -> None:
    paragraph = state.paragraphs.get(e.item)
    if paragraph is None:
        paragraph = state.paragraphs[e.item] = Paragraph(item=e.item)
    paragraph.recusals.append(Recusal(e.member, e.substitute))
    if paragraph.number is not None:
        _snapshot(meeting, state, paragraph)


def _h_motion(meeting, state, e: ev.MotionMade, time) -> None:
    paragraph = _handled(meeting, state, e.item)
    if paragraph.motion(e.motion) is None:
        paragraph.motions.append(Motion(e.motion, e.by, e.kind, e.text, list(e.joined)))


def _h_joined(meeting, state, e: ev.MotionJoined, time) -> None:
    motion = _handled(meeting, state, e.item).motion(e.motion)
    if motion is not None and e.member not in motion.joined:
        motion.joined.append(e.member)


def _h_withdrawn(meeting, state, e: ev.MotionWithdrawn, time) -> None:
    motion = _handled(meeting, state, e.item).motion(e.motion)
    if motion is not None:
        motion.withdrawn = True


def _h_order(meeting, state, e: ev.PropositionOrderSet, time) -> None:
    _handled(meeting, state, e.item).proposition_order = list(e.order)


def _h_finding(meeting, state, e: ev.ChairFinding, time) -> None:
    paragraph = _handled(meeting, state, e.item)
    paragraph.finding = e.motion
    key = questions.question_of_motion(paragraph, e.motion)
    _found(meeting, paragraph, key, questions.proposal_of(paragraph, e.motion))


def _h_question(meeting, state, e: ev.QuestionDecided, time) -> None:
    _found(meeting, _handled(meeting, state, e.item), e.question, e.finding)


def _h_minority(meeting, state, e: ev.MinorityDemand, time) -> None:
    paragraph = _handled(meeting, state, e.item)
    paragraph.minority[e.motion] = (e.supporters, e.present)
    questions.note_put(paragraph, e.motion)
    questions.settle(meeting.item(paragraph.item), paragraph)


def _found(meeting: Meeting, paragraph: Paragraph, key: str, finding: str) -> None:
    paragraph.findings[key] = finding
    questions.note_put(paragraph, key)
    questions.settle(meeting.item(paragraph.item), paragraph)


def _h_demanded(meeting, state, e: ev.VoteDemanded, time) -> None:
    paragraph = _handled(meeting, state, e.item)
    key = e.question or questions.MAIN
    item = meeting.item(e.item)
    counter = questions.is_counter_round(item, paragraph, key, e.yes, e.no)
    paragraph.votes = [r for r in paragraph.votes if r.round != e.round]
    paragraph.votes.append(
        VoteRound(e.round, e.yes, e.no, e.demanded_by, counter=counter, question=key)
    )
    questions.note_put(paragraph, key)


def _round(paragraph: Paragraph, number: int) -> VoteRound | None:
    return next((r for r in paragraph.votes if r.round == number), None)


def _h_cast(meeting, state, e: ev.VoteCast, time) -> None:
    found = _round(_handled(meeting, state, e.item), e.round)
    if found is not None and not found.closed:
        found.votes[e.member] = e.vote


def _h_vote_closed(meeting, state, e: ev.VoteClosed, time) -> None:
    paragraph = _handled(meeting, state, e.item)
    found = _round(paragraph, e.round)
    if found is None or found.closed:
        return
    found.casting = e.casting
    found.closed = True
    if found.question == questions.MAIN and not found.counter and found.winner:
        paragraph.finding = found.winner
    questions.settle(meeting.item(e.item), paragraph)


def _h_vote_corrected(meeting, state, e: ev.VoteCorrected, time) -> None:
    paragraph = _handled(meeting, state, e.item)
    found = _round(paragraph, e.round)
    if found is None or not found.closed:
        return
    found.votes[e.member] = e.vote
    found.casting = e.casting if found.tied else ""
    if found.question == questions.MAIN and not found.counter and found.winner:
        paragraph.finding = found.winner
    questions.settle(meeting.item(e.item), paragraph)


def _h_motion_amended(meeting, state, e: ev.MotionAmended, time) -> None:
    motion = _handled(meeting, state, e.item).motion(e.motion)
    if motion is not None:
        motion.text = e.text


def _h_decision(meeting, state, e: ev.DecisionRecorded, time) -> None:
    paragraph = _handled(meeting, state, e.item)
    paragraph.decision = list(e.points)
    paragraph.status = DECIDED


def _h_immediate(meeting, state, e: ev.ImmediateJustificationSet, time) -> None:
    _handled(meeting, state, e.item).immediate_justification = e.value


def _h_secrecy(meeting, state, e: ev.SecrecySet, time) -> None:
    """Marked in advance as often as during the item: the item is not called."""
    paragraph = state.paragraphs.get(e.item)
    if paragraph is None:
        paragraph = state.paragraphs[e.item] = Paragraph(item=e.item)
    paragraph.secrecy = e.ground


def _h_reservation(meeting, state, e: ev.ReservationMade, time) -> None:
    paragraph = _handled(meeting, state, e.item)
    existing = next((r for r in paragraph.reservations if r.member == e.member), None)
    if existing is None:
        paragraph.reservations.append(Reservation(e.member, e.text, e.motion))
    else:  # a later written text (or motion) replaces the earlier one
        existing.text = e.text or existing.text
        existing.motion = e.motion or existing.motion


def _h_note(meeting, state, e: ev.NoteAdded, time) -> None:
    _handled(meeting, state, e.item).notes.append(Note(e.text, e.by))


def _h_statement(meeting, state, e: ev.StatementAdded, time) -> None:
    _handled(meeting, state, e.item).statements.append(Statement(e.by, e.text))


def _h_tabled(meeting, state, e: ev.ItemTabled, time) -> None:
    paragraph = _handled(meeting, state, e.item)
    paragraph.status = TABLED
    paragraph.decision = None


def _h_referred(meeting, state, e: ev.ItemReferredBack, time) -> None:
    paragraph = _handled(meeting, state, e.item)
    paragraph.status = REFERRED_BACK
    paragraph.decision = None
    paragraph.referral_reason = e.reason


def _h_adjustment_note(meeting, state, e: ev.AdjustmentNoteAdded, time) -> None:
    _handled(meeting, state, e.item).adjustment_notes.append(Note(e.text, e.by))


def _h_justified(meeting, state, e: ev.ParagraphJustified, time) -> None:
    _handled(meeting, state, e.item).justified = True


def _h_posted(meeting, state, e: ev.MinutesPosted, time) -> None:
    state.posted_on = e.date


def _h_minutes(meeting, state, e: ev.MinutesJustified, time) -> None:
    state.justered_on, state.posted_on = e.date, e.posted
    for paragraph in state.paragraphs.values():
        if paragraph.number is not None:
            paragraph.justified = True


def _h_sealed(meeting, state, e: ev.MinutesSealed, time) -> None:
    """The seal is the journal's record of the file; it changes nothing the seal covers
    (a signature goes in the [seal] table itself, outside what it covers)."""
    if e.signature:
        state.seal_signatures[e.checksum] = (e.signature, e.public_key)


def _h_revised(meeting, state, e: ev.MinutesRevised, time) -> None:
    state.revisions.append(Revision(e.version, e.previous, e.date, list(e.changes)))


def _h_correction(meeting, state, e: ev.CorrectionMade, time) -> None:
    try:
        inner = ev.from_dict(e.change)
    except ev.EventFormatError:
        return
    if isinstance(inner, ev.CorrectionMade | ev.Undone | ev.Redone):
        return
    _apply_act(meeting, state, inner, time)
    correction = Correction(e.reason, inner.describe(), time.replace("T", " ")[:16])
    paragraph = state.paragraphs.get(e.item) if e.item else None
    if paragraph is not None:
        paragraph.corrections.append(correction)
    else:
        state.corrections.append(correction)


_HANDLERS = {
    ev.MeetingOpened: _h_opened,
    ev.MeetingAdjourned: _h_adjourned,
    ev.MeetingResumed: _h_resumed,
    ev.MeetingClosed: _h_closed,
    ev.AttendanceSet: _h_attendance,
    ev.MemberArrived: _h_arrived,
    ev.MemberLeft: _h_left,
    ev.SubstituteServes: _h_serves,
    ev.SubstituteStops: _h_stops,
    ev.OfficialPresent: _h_official,
    ev.AdjustersChosen: _h_adjusters,
    ev.AdjusterSubstituteChosen: _h_adjuster_substitute,
    ev.JusteringPlanned: _h_justering,
    ev.ItemCalled: _h_called,
    ev.Recused: _h_recused,
    ev.MotionMade: _h_motion,
    ev.MotionJoined: _h_joined,
    ev.MotionWithdrawn: _h_withdrawn,
    ev.PropositionOrderSet: _h_order,
    ev.ChairFinding: _h_finding,
    ev.MinorityDemand: _h_minority,
    ev.QuestionDecided: _h_question,
    ev.VoteDemanded: _h_demanded,
    ev.VoteCast: _h_cast,
    ev.VoteClosed: _h_vote_closed,
    ev.VoteCorrected: _h_vote_corrected,
    ev.MotionAmended: _h_motion_amended,
    ev.DecisionRecorded: _h_decision,
    ev.ImmediateJustificationSet: _h_immediate,
    ev.SecrecySet: _h_secrecy,
    ev.ReservationMade: _h_reservation,
    ev.NoteAdded: _h_note,
    ev.StatementAdded: _h_statement,
    ev.ItemTabled: _h_tabled,
    ev.ItemReferredBack: _h_referred,
    ev.ParagraphJustified: _h_justified,
    ev.MinutesJustified: _h_minutes,
    ev.MinutesPosted: _h_posted,
    ev.MinutesSealed: _h_sealed,
    ev.MinutesRevised: _h_revised,
    ev.AdjustmentNoteAdded: _h_adjustment_note,
    ev.CorrectionMade: _h_correction,
}
