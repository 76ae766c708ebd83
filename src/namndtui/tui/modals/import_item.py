"""ctrl+o: add an item from a file (text, PDF, DOCX) while preparing the meeting.

Two steps in one dialog: the path (enter reads and parses it, errors shown in the dialog),
then the parsed title and sections for the secretary to check; enter again (or "Lägg
till") returns the item. Writing it to meeting.toml is the screen's job.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static
from textual.worker import Worker, WorkerState

from namndtui.errors import UserError
from namndtui.model import Item
from namndtui.storage import os_reason, typed_path
from namndtui.tui import strings as S
from namndtui.tui.modals.once import OnceModal
from namndtui.tui.text import user_text, ut

if TYPE_CHECKING:
    from namndtui.importing import ImportResult


def preview_text(item: Item, warnings: list[str]) -> Content:
    """What was found: title, Dnr, officer, each section with its first words, decision."""
    lines: list[Content] = [user_text(item.title, "bold")]
    meta = [x for x in (item.dnr_label, item.officer) if x]
    if meta:
        lines.append(user_text(" · ".join(meta)))
    for section in item.report_sections():
        first = " ".join(section.text.split())
        if len(first) > 70:
            first = first[:69] + "…"
        lines.append(Content.assemble(user_text(section.title, "bold"), ": ", ut(first)))
    if item.proposed_decision:
        lines.append(
            Content.assemble(
                (S.PROPOSED_DECISION, "bold"),
                ": ",
                S.IMPORT_POINTS.format(count=len(item.proposed_decision)),
            )
        )
    if item.immediate_justification:
        lines.append(Content(S.PROPOSED_OJ))
    if item.attachments:
        lines.append(Content.assemble((S.ATTACHMENTS, "bold"), ": ", ", ".join(item.attachments)))
    for warning in warnings:
        lines.append(user_text(S.WARNINGS.format(text=warning), "$text-warning"))
    return Content("\n").join(lines)


class ImportItemModal(OnceModal[Item | None]):
    """Path → parsed item shown → confirmed item (None when cancelled)."""

    AUTO_FOCUS = ""  # on_mount focuses the path without scrolling
    DEFAULT_CSS = """
    ImportItemModal #import-preview-box {
        height: auto;
        max-height: 30vh;
        margin: 1 0 0 0;
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", S.CANCEL, id="dialog.cancel"),
        Binding("ctrl+s", "add", S.IMPORT_ADD, id="dialog.save"),
    ]

    def __init__(self, start: Path | None = None) -> None:
        super().__init__()
        self.start = start
        self.item: Item | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(S.IMPORT_TITLE), classes="dialog-title")
            yield Static(Content(S.IMPORT_PATH), classes="dialog-label")
            value = f"{self.start}/" if self.start else ""
            yield Input(value=value, id="path")
            with VerticalScroll(id="import-preview-box"):
                yield Static(id="import-preview")
            yield Static(Content(S.IMPORT_HINT), id="import-hint", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):  # docked, the error in view on its left
                yield Static(id="form-error", classes="dialog-error-text")
                yield Button(S.CANCEL, id="cancel")
                yield Button(S.IMPORT_ADD, id="add", variant="primary", disabled=True)

    def on_mount(self) -> None:
        self.query_one("#form-error").display = False
        self.query_one("#import-preview-box").display = False
        self.query_one("#path", Input).focus(scroll_visible=False)

    def show_error(self, message: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(user_text(message))
        error.display = True

    @on(Input.Changed, "#path")
    def _changed(self) -> None:
        # a new path: what was read before no longer applies
        self.item = None
        self.query_one("#import-preview-box").display = False
        self.query_one("#form-error").display = False
        self.query_one("#add", Button).disabled = True

    @on(Input.Submitted, "#path")
    def _submitted(self) -> None:
        if self.item is not None:
            self.action_add()
        else:
            self.read_file()

    def read_file(self) -> None:
        """Read and parse the file; show the item, or one clear reason in the dialog."""
        raw = self.query_one("#path", Input).value.strip()
        if not raw:
            self.show_error(S.IMPORT_NO_PATH)
            return
        try:
            path = typed_path(raw)  # "…" from a file manager, '…' from drag and drop
        except RuntimeError:  # ~ without a home folder
            path = Path(raw)
        if not path.exists():
            self.show_error(S.IMPORT_MISSING.format(path=path))
            return
        self.parse(path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="import")
    def parse(self, path: Path) -> None:
        """Parse the file in a thread (a long PDF takes seconds): the meeting's keys and
        the dialog stay live; the result comes back to the event loop."""
        from namndtui.importing import import_item_from_file

        try:
            result = import_item_from_file(path)
        except UserError as err:
            self.app.call_from_thread(self.show_error, err.message)
            return
        except OSError as err:  # vanished or unreadable since the check
            self.app.call_from_thread(
                self.show_error, S.IMPORT_FAILED.format(path=path, reason=os_reason(err))
            )
            return
        self.app.call_from_thread(self.parsed, result)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A parser bug (anything but UserError/OSError): the dialog says it is a fault in
        the program, by name, and the meeting goes on."""
        worker = event.worker
        if worker.group == "import" and event.state == WorkerState.ERROR:
            err = worker.error
            self.show_error(S.IMPORT_BUG.format(reason=f"{type(err).__name__}: {err}"))

    def parsed(self, result: ImportResult) -> None:
        """The file was read: show the item and its warnings, ready to add."""
        self.item = result.item
        preview = self.query_one("#import-preview", Static)
        preview.update(preview_text(result.item, list(result.warnings)))
        self.query_one("#import-preview-box").display = True
        self.query_one("#add", Button).disabled = False
        self.query_one("#import-hint", Static).update(Content(S.IMPORT_CONFIRM_HINT))

    def action_add(self) -> None:
        if self.item is None:
            self.read_file()
            return
        self.dismiss(self.item)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#add")
    def _add(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
