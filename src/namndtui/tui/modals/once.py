"""Every dialog acts once: the base class of namndtui's modal screens.

A key bounce or a busy event loop delivers a second enter to a dialog that has already
saved (the key was queued for its field before the first enter closed it). Textual's
`dismiss` would then pop whatever screen is on top now: the meeting screen itself
(ScreenStackError, the app exits and unsaved acts are lost) or an error dialog the
secretary has not read yet. Here the first `dismiss` wins and every later one, from any
handler of the same dialog, does nothing.

An enter in a field moves on only when the dialog handles it, but the keys typed after it
are already on their way to the field; the app holds them (tui/typeahead.py) from an
enter that `enter_moves_on` until the dialog has handled the field's message, so they
reach the next field, or the screen behind a dialog that has closed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from textual import events
from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList

from namndtui.tui.typeahead import key_hold

ResultType = TypeVar("ResultType")

# The styles of the dialogs, the help and the attendance screen, not parsed before the
# first frame: the app reads them right after it (NamndApp._after_first_frame); a screen's
# CSS_PATH is read when it opens, if it is not read yet (Textual then parses all again).
SCREENS_CSS = str(Path(__file__).parents[1] / "screens.tcss")


class OnceModal(ModalScreen[ResultType]):
    """A modal screen whose result is given once; later dismissals are ignored."""

    CSS_PATH = SCREENS_CSS

    _acted = False

    @property
    def acted(self) -> bool:
        """True once the dialog has been dismissed (saved or cancelled)."""
        return self._acted

    def dismiss(self, result: ResultType | None = None) -> AwaitComplete:
        if self._acted or not self.is_active:
            return AwaitComplete.nothing()
        self._acted = True
        done = super().dismiss(result)
        hold = key_hold(self.app)
        if hold is not None:  # a key queued in this dialog's fields is never handled now
            hold.release("settle")
        return done

    def enter_moves_on(self, key: events.Key) -> bool:
        """True when `key`, just sent to the focused widget, makes it post the message the
        dialog moves on at (a field's Submitted, a list's OptionSelected)."""
        if key.key != "enter":
            return False
        from textual.widgets import SelectionList  # not before the first frame (start-up)

        focused = self.focused
        if isinstance(focused, Input):
            return True
        return (
            isinstance(focused, OptionList)
            and not isinstance(focused, SelectionList)  # enter there ticks, nothing more
            and focused.highlighted is not None
        )

    def _on_input_submitted(self, _event: Input.Submitted) -> None:
        self._moved_on()

    def _on_option_list_option_selected(self, _event: OptionList.OptionSelected) -> None:
        self._moved_on()

    def _moved_on(self) -> None:
        """The dialog's own handlers have run (they come first): once the focus they moved
        has moved (a queued call), the held keys go on."""
        hold = key_hold(self.app)
        if hold is not None:
            self.app.call_later(hold.release, "enter")
