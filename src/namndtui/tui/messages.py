"""Messages between the app and its screens: state down, requests up.

The app owns the record; a screen or modal never applies events itself but posts a
request (`ActsRequested`, `UndoRequested`), and the app answers every screen with
`RecordChanged` once the record has changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from namndtui.record.events import Event


class RecordChanged(Message):
    """Posted after events were recorded (or undone): screens refresh what they show."""

    def __init__(self, item_ids: list[str] | None) -> None:
        super().__init__()
        self.item_ids = item_ids  # items touched; None = anything may have changed


class ActsRequested(Message):
    """A screen asks the app to record `events` (the result of an act of record/acts.py)."""

    def __init__(self, events: Sequence[Event]) -> None:
        super().__init__()
        self.events = tuple(events)


class UndoRequested(Message):
    """ctrl+z, or a vote round cancelled before anyone voted: take back the latest act."""


class RedoRequested(Message):
    """ctrl+y: bring back the latest act undone."""


class ReviewRequested(Message):
    """The archive asks for the minutes at `path` (loaded: `minutes`), read-only, at
    `item_id` (the first § when None)."""

    def __init__(self, minutes: Any, path: Path, item_id: str | None) -> None:
        super().__init__()
        self.minutes = minutes
        self.path = path
        self.item_id = item_id
