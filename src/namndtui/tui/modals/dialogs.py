"""Small generic dialogs: error, confirm, one line of text, pick one of a list."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from namndtui.tui import strings as S
from namndtui.tui.modals.once import OnceModal
from namndtui.tui.text import user_text


class ErrorModal(OnceModal[None]):
    """A reason the secretary must read (disk full, journal broken …)."""

    BINDINGS = [Binding("escape,enter", "dismiss_modal", S.CLOSE, id="dialog.close")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -error"):
            yield Static(Content(S.ERROR_TITLE), classes="dialog-title")
            with VerticalScroll(classes="dialog-scroll"):
                yield Static(user_text(self.message), classes="dialog-error-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(S.CLOSE, id="close", variant="error")

    def action_dismiss_modal(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


class ConfirmModal(OnceModal[bool]):
    """Yes/no. enter = ja, `n`/escape = nej. Not `j`: everywhere else j moves down, and a
    question that pops up while the secretary moves must not be answered yes by a slip."""

    BINDINGS = [
        Binding("escape,n", "answer(False)", S.NO, id="dialog.no"),
        Binding("enter", "answer(True)", S.YES, id="dialog.yes", priority=True),
    ]

    def __init__(self, question: str, *, yes: str = S.YES, no: str = S.NO) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # not a docked .dialog-title: a dialog of docked parts only has no height
            yield Static(user_text(self.question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.no_label, id="no")
                yield Button(self.yes_label, id="yes", variant="primary")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class TextModal(OnceModal[str | None]):
    """One line of text; None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", S.CANCEL, id="dialog.cancel")]

    def __init__(self, title: str, label: str, *, value: str = "", allow_empty: bool = False):
        super().__init__()
        self.title_text = title
        self.label = label
        self.value = value
        self.allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(user_text(self.title_text), classes="dialog-title")
            yield Static(user_text(self.label), classes="dialog-label")
            yield Input(value=self.value, id="text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(S.CANCEL, id="cancel")
                yield Button(S.SAVE, id="save", variant="primary")

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        text = self.query_one(Input).value.strip()
        if text or self.allow_empty:
            self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class PickModal(OnceModal[str | None]):
    """Pick one of (id, label) choices; labels are plain text."""

    BINDINGS = [Binding("escape", "cancel", S.CANCEL, id="dialog.cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]], hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(user_text(self.title_text), classes="dialog-title")
            if self.hint:
                yield Static(user_text(self.hint), classes="dialog-hint")
            yield OptionList(*[Option(user_text(label), id=cid) for cid, label in self.choices])

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
