"""The rules of procedure: pure functions over (Meeting, RecordState), and `check`, the
dispatcher that asks every rule family whether an event may be applied now.

Every refusal is a `RuleError` with a Swedish message the TUI shows as is. Sources
(kommunallagen 2017:725, "KL"): quorum KL 6 kap. 27 §; jäv KL 6 kap. 28–30 §§; the chair's
casting vote KL 5 kap. 55 § and reservation KL 4 kap. 27 § (both applied to
nämnder via 6 kap.; these two section numbers are not verified).
See docs/record.md for the rules one by one. The families, one module each:

- rules.py         RuleError, paragraph_label, is_act
- serving.py       who serves on an item, quorum, who votes, who presides
- voting.py        the main rounds, the casting vote on a tie
- reservations.py  who may reserve, the written text after the meeting
- sitting.py       the sitting (close, breaks), the locks of justified §, undo/redo
- checks.py        the rules of each event type (one handler per event)

This module re-exports their public names, so `from namndtui.record.procedure import …`
keeps working.
"""

from __future__ import annotations

from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record import questions
from namndtui.record.checks import CHECKS
from namndtui.record.reservations import may_add_reservation_text, may_reserve, reservation_of
from namndtui.record.rules import RuleError, is_act, paragraph_label
from namndtui.record.serving import (
    Quorum,
    live_serving,
    presiding_chair_on,
    quorum,
    serving,
    voters,
)
from namndtui.record.sitting import (
    ATTENDANCE_EVENTS,
    check_lock,
    check_redo,
    check_sitting,
    check_undo,
    is_item_event,
    not_sitting,
)
from namndtui.record.state import RecordState
from namndtui.record.voting import (
    casting_vote,
    main_rounds,
)
from namndtui.textcheck import storable_problem

__all__ = [
    "ATTENDANCE_EVENTS",
    "Quorum",
    "RuleError",
    "casting_vote",
    "check",
    "is_act",
    "live_serving",
    "main_rounds",
    "may_add_reservation_text",
    "may_reserve",
    "not_sitting",
    "paragraph_label",
    "presiding_chair_on",
    "quorum",
    "reservation_of",
    "serving",
    "voters",
]

# Acts that decide something: refused without quorum.
_DECIDING = (
    ev.DecisionRecorded,
    ev.QuestionDecided,
    ev.MinorityDemand,
    ev.VoteClosed,
    ev.ItemTabled,
    ev.ItemReferredBack,
)


# Acts of journals before the question model (record/questions.py): the fold still reads
# them (old journals load and render the same), but nothing writes them any more.
LEGACY = (ev.ChairFinding, ev.PropositionOrderSet)

_NOT_CORRECTABLE = (
    ev.CorrectionMade,
    ev.Undone,
    ev.Redone,
    ev.ActGrouped,
    ev.ParagraphJustified,
    ev.MinutesJustified,
    ev.MinutesPosted,
    ev.MinutesSealed,
    ev.MinutesRevised,
)


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
    """`check` without the text check; `unlocked`: the act inside a rättelse (the lock
    and the sitting do not apply to it)."""
    if isinstance(event, ev.Undone):
        return check_undo(meeting, state, event)
    if isinstance(event, ev.Redone):
        return check_redo(state, event)
    if isinstance(event, ev.ActGrouped):
        return None  # bookkeeping: which acts were one (see fold.group)
    if isinstance(event, ev.CorrectionMade):
        return _check_correction(meeting, state, event)
    if isinstance(event, LEGACY):
        raise RuleError(
            f"Händelsen {event.TYPE!r} hör till äldre journaler och skrivs inte längre; "
            "ordföranden ställer proposition med f."
        )
    item_id = event.item_id
    item_event = is_item_event(event)
    if item_event and meeting.item(item_id) is None:
        raise RuleError(f"Okänt ärende {item_id!r}.")
    if not unlocked:
        check_lock(state, event, item_event)
        check_sitting(state, event, item_event)
    handler = CHECKS.get(type(event))
    if handler is not None:
        handler(meeting, state, event)
    if isinstance(event, _DECIDING) and item_id:
        q = quorum(meeting, state, item_id)
        if not q.ok:
            raise RuleError(q.reason())
    if item_event:
        questions.check(meeting, state, event)
    return None


def _check_correction(meeting: Meeting, state: RecordState, event: ev.CorrectionMade) -> None:
    if not event.reason.strip():
        raise RuleError("En rättelse måste ha ett skäl.")
    try:
        inner = ev.from_dict(event.change)
    except ev.EventFormatError as exc:
        raise RuleError(f"Rättelsen går inte att läsa: {exc}.") from None
    if isinstance(inner, _NOT_CORRECTABLE):
        raise RuleError(f"Det går inte att rätta med en händelse av typen {inner.TYPE!r}.")
    inner_item = inner.item_id
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
        if isinstance(inner, ev.ItemEvent):  # an attendance change may be corrected here
            raise RuleError("En rättelse av ett ärende ska ange ärendet.")
    _check(meeting, state, inner, unlocked=True)
