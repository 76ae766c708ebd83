"""The sitting and the locks: acts of the sitting board are refused after the close and
during a break; a justified § (and, once justered, the minutes) change only as a rättelse;
undo and redo take back only the latest act, and never a justified one.
"""

from __future__ import annotations

from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record.rules import RuleError, paragraph_label, reservation_of
from namndtui.record.state import RecordState
from namndtui.timeofday import clock

ATTENDANCE_EVENTS = (
    ev.AttendanceSet,
    ev.MemberArrived,
    ev.MemberLeft,
    ev.SubstituteServes,
    ev.SubstituteStops,
)


def not_sitting(state: RecordState, *, new_reservation: bool = False) -> str:
    """Why acts of the sitting board are refused now ("" while it sits or before it opens):
    the meeting is closed or adjourned."""
    if state.closed_at:
        if new_reservation:
            return (
                f"Sammanträdet är avslutat (kl. {clock(state.closed_at)}); en reservation anmäls "
                "under sammanträdet (den skriftliga texten kan komma senare)."
            )
        return (
            f"Sammanträdet är avslutat (kl. {clock(state.closed_at)}); ångra avslutningen om något "
            "återstår att registrera."
        )
    if state.breaks and not state.breaks[-1][1]:
        return f"Sammanträdet är ajournerat sedan kl. {clock(state.breaks[-1][0])}; återuppta det först."
    return ""


def check_lock(state: RecordState, event: ev.Event, item_event: bool) -> None:
    """A justified § changes only as a rättelse; after the justering of the minutes
    nothing outside a § either (the notice of their posting excepted)."""
    if item_event:
        item_id = event.item_id
        paragraph = state.paragraphs.get(item_id)
        if paragraph is not None and paragraph.justified:
            if isinstance(event, ev.ParagraphJustified):
                raise RuleError(f"{paragraph_label(state, item_id)} är redan justerad.")
            raise RuleError(
                f"{paragraph_label(state, item_id)} är justerad; ändringar görs som rättelse "
                "med angivet skäl."
            )
    elif state.justered_on and isinstance(event, ev.MinutesJustified):
        raise RuleError(
            f"Protokollet är justerat {state.justered_on}; justeringen ändras inte. "
            "Ändringar görs som rättelse med angivet skäl."
        )
    elif state.justered_on and not isinstance(event, ev.JUSTERING_BOOKS):
        raise RuleError("Protokollet är justerat; ändringar görs som rättelse med angivet skäl.")


def check_redo(state: RecordState, event: ev.Redone) -> None:
    if not state.redo_stack:
        raise RuleError("Det finns inget att göra om.")
    if state.act_key(event.target) != state.redo_stack[-1]:
        raise RuleError("Endast den senast ångrade åtgärden kan göras om.")


def is_item_event(event: ev.Event) -> bool:
    """An act about an item (attendance changes name the § they happen at, but are not):
    by its kind, whatever its item id (an empty one is refused as an unknown item)."""
    return isinstance(event, ev.ItemEvent)


def check_sitting(state: RecordState, event: ev.Event, item_event: bool) -> None:
    """After the close no act about an item and no attendance change; during a break no
    act about an item (people come and go during a break). Not acts of the sitting board,
    so allowed then: justifying a settled §, the written text of a reservation announced
    at the meeting (checked by their own rules) and, after the close, the wording of a
    decision taken at the meeting (until the § is justified); the secretary's marking of
    an undecided item as secret (namndtui.secrecy)."""
    if not (item_event or (state.closed_at and isinstance(event, ATTENDANCE_EVENTS))):
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


def check_undo(meeting: Meeting, state: RecordState, event: ev.Undone) -> None:
    """Only the latest act (all its events, see ActGrouped) is taken back, and no part
    of it may touch a justified §."""
    if not state.done:
        raise RuleError("Det finns inget att ångra.")
    if state.act_key(event.target) != state.act_key(state.done[-1]):
        raise RuleError("Endast den senaste åtgärden kan ångras.")
    members = set(state.act_members(event.target, state.done))
    for seq, _, target in reversed(state.log):
        if seq in members:
            _check_undo_one(state, target)


def _check_undo_one(state: RecordState, target: ev.Event) -> None:
    if isinstance(target, (ev.CorrectionMade, ev.MinutesJustified, *ev.JUSTERING_BOOKS)):
        return
    item_id = target.item_id  # an attendance change's § too; "" = the meeting as a whole
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
