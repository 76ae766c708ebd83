"""Which ersättare serves for whom: a warning, never a refusal, when an ersättare of
another party serves for a ledamot (all evening, or on one item for a jävig ledamot)
while an ersättare of the ledamot's own party is present and not serving.

DOMAIN.md names no order of substitution (inkallelseordning): the order is decided by
fullmäktige and may cross parties (a joint list, an agreement between parties), so the
record never forbids it. It only says when the choice looks like a slip: someone of the
seat's own party sat in the room unused.
"""

from __future__ import annotations

from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record.rules import is_act
from namndtui.record.state import RecordState

CROSS_PARTY = (
    "{substitute} tjänstgör för {seat}, men {same} är närvarande ersättare för samma parti "
    "och tjänstgör inte"
)


def cross_party_note(meeting: Meeting, state: RecordState, substitute: str, seat: str) -> str:
    """The warning for `substitute` serving in `seat` on `state` (before the act), or ""."""
    sub, holder = meeting.member(substitute), meeting.member(seat)
    if sub is None or holder is None or not sub.party or not holder.party:
        return ""
    if sub.party == holder.party:
        return ""
    idle = [
        m.label
        for m in meeting.substitutes
        if m.party == holder.party
        and m.name != substitute
        and state.present.get(m.name)
        and m.name not in state.serving_for
    ]
    if not idle:
        return ""
    same = " och ".join((", ".join(idle[:-1]), idle[-1])) if len(idle) > 1 else idle[0]
    return CROSS_PARTY.format(substitute=sub.label, seat=holder.label, same=same)


def cross_party_notes(meeting: Meeting, state: RecordState) -> list[str]:
    """Every such warning in the record, each as it stood when the ersättare began to
    serve ("§ 121: …" once the meeting was under way): the acts in effect (undone ones
    left out) are replayed in journal order."""
    from namndtui.record.fold import apply_event, new_state

    replay = new_state(meeting)
    notes = []
    for seq, time, event in state.log:
        if not is_act(event) or seq in state.undone:
            continue
        serves = _serves(event)
        if serves is not None:
            substitute, seat, item = serves
            note = cross_party_note(meeting, replay, substitute, seat)
            para = replay.paragraphs.get(item) if item else None
            if note and para is not None and para.number is not None:
                note = f"§ {para.number}: {note}"
            if note:
                notes.append(note)
        apply_event(meeting, replay, event, seq, time)
    return notes


def _serves(event: ev.Event) -> tuple[str, str, str] | None:
    """(substitute, seat, item) when `event` makes an ersättare serve in a seat: for the
    rest of the meeting, or on one item for a member who is jävig."""
    if isinstance(event, ev.SubstituteServes):
        return event.substitute, event.for_member, event.item
    if isinstance(event, ev.Recused) and event.substitute:
        return event.substitute, event.member, event.item
    return None
