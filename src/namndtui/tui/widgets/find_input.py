"""A type-to-find field for a list whose letters are keys (the attendance screen): hidden
until `/`, then what is typed finds a row (folding case and diacritics, as the pickers'
member filter does), up/down go to the next/previous row that matches, enter keeps the
row found and escape goes back to the row the search began on.

Enter and escape close the field at once, before their messages reach the owner: keys
typed in the same burst are already on their way to the field (the app hands each key to
the widget focused when it arrives), so the field passes them on to the list
(`focus_after`) instead of typing them into itself as it closes ("/ Niklas enter space"
marks Niklas)."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from namndtui.tui import strings as S


class FindInput(Input):
    """The field; its owner answers its messages and hides it again."""

    BINDINGS = [
        Binding("escape", "cancel", S.CANCEL, show=False),
        Binding("down", "step(1)", S.KEY_DOWN, show=False),
        Binding("up", "step(-1)", S.KEY_UP, show=False),
    ]

    class Step(Message):
        """up/down: the next (+1) or previous (-1) row that matches."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class Cancelled(Message):
        """escape: back to where the search began."""

    def __init__(self, *, focus_after: str, **kwargs) -> None:
        super().__init__(placeholder=S.FIND_PLACEHOLDER, compact=True, **kwargs)
        self.focus_after = focus_after  # the selector of the list the keys go to once closed

    def action_step(self, step: int) -> None:
        self.post_message(self.Step(step))

    def action_cancel(self) -> None:
        self._close()
        self.post_message(self.Cancelled())

    async def action_submit(self) -> None:
        self._close()
        await super().action_submit()

    def _close(self) -> None:
        """Hidden and the list focused now, not when the owner hears of it."""
        self.display = False
        self.screen.set_focus(self.screen.query_one(self.focus_after))

    async def _on_key(self, event: events.Key) -> None:
        if self.display:
            await super()._on_key(event)
            return
        # typed right after enter/escape, handed to the field before it closed: the list's
        event.stop()
        event.prevent_default()
        self.app.post_message(events.Key(event.key, event.character))
