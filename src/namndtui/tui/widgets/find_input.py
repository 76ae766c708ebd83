"""A type-to-find field for a list whose letters are keys (the attendance screen): hidden
until `/`, then what is typed finds a row (folding case and diacritics, as the pickers'
member filter does), up/down go to the next/previous row that matches, enter keeps the
row found and escape goes back to the row the search began on."""

from __future__ import annotations

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

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder=S.FIND_PLACEHOLDER, compact=True, **kwargs)

    def action_step(self, step: int) -> None:
        self.post_message(self.Step(step))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
