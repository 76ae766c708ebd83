"""RuleError and the names every rule family uses (a leaf of record/).

Every refusal is a `RuleError` with a Swedish message the TUI shows as is.
"""

from __future__ import annotations

from namndtui.record import events as ev
from namndtui.record.state import RecordState
from namndtui.record.state_parts import Reservation


class RuleError(Exception):
    """An act the rules refuse; `message` is the Swedish reason."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def is_act(event: ev.Event) -> bool:
    """Everything but Undone/Redone/ActGrouped is an act (something undo can take back)."""
    return not isinstance(event, ev.Undone | ev.Redone | ev.ActGrouped)


def paragraph_label(state: RecordState, item_id: str) -> str:
    paragraph = state.paragraphs.get(item_id)
    if paragraph is not None and paragraph.number is not None:
        return f"§ {paragraph.number}"
    return f"ärendet {item_id!r}"


def reservation_of(state: RecordState, item_id: str, member: str) -> Reservation | None:
    """`member`'s reservation against the decision on the item, if announced."""
    paragraph = state.paragraphs.get(item_id)
    if paragraph is None:
        return None
    return next((r for r in paragraph.reservations if r.member == member), None)
