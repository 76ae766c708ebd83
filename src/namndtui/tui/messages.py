"""Messages between the app and its screens: state down, requests up.

The app owns the record; a screen or modal never applies events itself but posts a
request (`ActsRequested`, `UndoRequested`), and the app answers every screen with
`RecordChanged` once the record has changed.
"""

from __future__ import annotations

from textual.message import Message


class RecordChanged(Message):
    """Posted after events were recorded (or undone): screens refresh what they show."""

    def __init__(self, item_ids: list[str] | None) -> None:
        super().__init__()
        self.item_ids = item_ids  # items touched; None = anything may have changed
