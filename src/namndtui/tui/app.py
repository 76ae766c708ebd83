"""The namndtui app: one meeting, live (with a Record) or read-only (review).

The app owns the meeting, the record and the clock; the screens show state and turn keys
into events that go through `NamndApp.apply` (journal + fsync before the screen marks
anything done). No procedure rule lives here: refusals come from the record as RuleError.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.content import Content
from textual.worker import Worker, WorkerState

from namndtui.model import Meeting
from namndtui.record.state import RecordState
from namndtui.timeofday import clock
from namndtui.tui import strings as S
from namndtui.tui.app_acts import RecordKeeper, error_reason
from namndtui.tui.messages import RecordChanged
from namndtui.tui.modals.once import SCREENS_CSS, OnceModal
from namndtui.tui.typeahead import KeyHold

if TYPE_CHECKING:
    from namndtui.minutes.settings import ProtokollSettings
    from namndtui.record.record import Record
    from namndtui.record.replica import Entry, Replica
    from namndtui.tui.disk import DiskGuard
    from namndtui.tui.screens.meeting import MeetingScreen

Clock = Callable[[], dt.datetime]


class NamndApp(RecordKeeper, App[int]):
    """The secretary's app. `record` is a `namndtui.record.record.Record` or None (review).

    Start-up paints first, then opens: given `open_record` (a callable returning the
    Record, or raising UserError), the app shows the agenda and the report from the
    meeting alone and opens the record (its imports, the lock, the journal replay) right
    after the first frame, on the event loop. Keys pressed meanwhile wait in the queue and
    act on the opened record. Until then `opening` is True and `state` is the state before any event.
    """

    CSS_PATH = "app.tcss"
    TITLE = S.APP_TITLE
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+p", "command_palette", S.KEY_PALETTE, id="palette", show=False),
    ]

    def __init__(
        self,
        meeting: Meeting,
        *,
        record: Record | None = None,
        open_record: Callable[[], Record | None] | None = None,
        state: RecordState | None = None,
        folder: Path | None = None,
        readonly_reason: str = "",
        review: bool = False,
        clock: Clock | None = None,
        write_minutes: bool = True,
        start_warnings: Iterable[str] = (),
        start_notes: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.meeting = meeting
        self.folder = folder
        # until the record opens: the meeting's own § numbering (a pending item's "§ 120?")
        self._state = (
            state if state is not None else RecordState.before_events(meeting.first_paragraph)
        )
        self.review = review
        self.clock: Clock = clock or dt.datetime.now
        self._write_minutes = write_minutes
        # the municipality's [protokoll] settings (docs/settings.md); None: the defaults
        self.protokoll_settings: ProtokollSettings | None = None
        self._given_reason = readonly_reason
        self.start_warnings = list(start_warnings)
        self.start_notes = list(start_notes)
        self.minutes_note = ""  # last result of writing the minutes, for the status line
        self._replica: Replica | None = None  # the minutes writer's state (_minutes_replica)
        # The minutes asked for (one per act) and written: the latest entries, and up to
        # which request the files are written (write_minutes_worker).
        self._minutes_asked = self._minutes_written = 0
        self._minutes_latest: tuple[int, list[Entry]] = (0, [])
        self._open_record = open_record
        self.key_hold = KeyHold(self)  # type-ahead while a form opens (tui/typeahead.py)
        self._record: Record | None = None
        self._readonly_reason = ""
        self.write_minutes_enabled = False
        if open_record is None:
            self._take_record(record)

    def _take_record(self, record: Record | None) -> None:
        """Adopt the (opened) record: read-only reason, its warnings, minutes on/off."""
        self._record = record
        # A reader never writes the minutes: its state may be older than the writer's (a
        # read-only second window rewrote protokoll.toml from it when it quit).
        self.write_minutes_enabled = (
            self._write_minutes and record is not None and not record.readonly
        )
        reason = self._given_reason
        if record is not None and record.readonly:
            reason = reason or record.readonly_reason or S.READONLY
        if record is None and not reason:
            reason = S.REVIEW_REASON if self.review else S.NO_RECORD_REASON
        self._readonly_reason = reason
        if record is not None:
            self.start_warnings += [str(w) for w in record.warnings]
            self.start_warnings += hidden_in_meeting_file(self.meeting.source)
        if self.write_minutes_enabled and record.state.justered_on:
            self._check_justered_minutes(record)

    def _check_justered_minutes(self, record: Record) -> None:
        """Justered minutes on disk that this record would change behind the journal's
        back (an edited meeting.toml or journal) are said at once, not at the first act;
        so are minutes whose seal the journal lacks (what `namndtui export` records)."""
        from namndtui.minutes.model import Minutes
        from namndtui.minutes.revision import rewrite_refusal, unrecorded_seal

        minutes = Minutes(self.meeting, record.state)
        refusal = rewrite_refusal(minutes, self.folder, record.events)
        if refusal is not None:
            self.minutes_note = _refusal_note(refusal.lines)
            self.start_warnings.append(self.minutes_note)
        elif unrecorded_seal(minutes):
            self.start_warnings.append(S.SEAL_UNRECORDED)

    # --- opening the record ---------------------------------------------------------------

    @property
    def record(self) -> Record | None:
        """The Record; None while it is being opened (only while the app runs) or in review.

        Outside a run (built but not started, or after exit) reading it opens the record
        at once, so callers of `build_app` see exactly what they saw before the deferral.
        """
        self._open_unless_running()
        return self._record

    @record.setter
    def record(self, record: Record | None) -> None:
        self._record = record

    @property
    def opened_record(self) -> Record | None:
        """The Record if it is open now; unlike `record`, reading it never opens it."""
        return self._record

    @property
    def readonly_reason(self) -> str:
        self._open_unless_running()
        return self._readonly_reason

    @readonly_reason.setter
    def readonly_reason(self, reason: str) -> None:
        self._readonly_reason = reason

    def _open_unless_running(self) -> None:
        if self._open_record is not None and not self.is_running:
            self.open_record_now()

    async def on_event(self, event: events.Event) -> None:
        if self.key_hold.take(event):  # a form is opening: the key is for the form
            return
        # A key before the deferred open acts on the opened record, from the item the
        # record says is current (as if the record had been open from the start).
        if self._open_record is not None and isinstance(event, events.Key):
            self._open_after_first_frame()
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        # One key at a time: the keys after it wait until it has been handled (the
        # focus a dialog moves on enter, the form a binding opens), see tui/typeahead.py.
        target = self.focused or self.screen
        await super().on_event(event)
        if not event.is_forwarded:  # a priority binding took it: handled already
            return
        if isinstance(self.screen, OnceModal) and self.screen.enter_moves_on(event):
            self.key_hold.start("enter")
        self.key_hold.settle(event, target)

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        result = super().push_screen(screen, *args, **kwargs)
        if self.key_hold.holding:  # the form is here: type-ahead goes to it once it is drawn
            self.call_after_refresh(self.key_hold.release)
        return result

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Textual scrolls a newly focused widget into view only when it thinks the widget
        # is hidden, and that test ignores a dialog's docked title and button rows: at
        # 80x24 a form's text field could take the focus underneath the buttons, out of
        # sight. scroll_visible() subtracts the docks; it does nothing when in view.
        if self.screen.is_modal:
            event.widget.scroll_visible(animate=False)

    @property
    def opening(self) -> bool:
        """True until the deferred record open has run."""
        return self._open_record is not None

    def open_record_now(self) -> None:
        """Open the deferred record here (idempotent); a failure is a UserError."""
        opener, self._open_record = self._open_record, None
        if opener is None:
            return
        try:
            record = opener()
        except BaseException:
            self._take_record(None)  # read-only "no record", should anyone look again
            raise
        self._take_record(record)

    def _open_after_first_frame(self) -> None:
        """Runs once the first screen is painted: open, then show what the record says."""
        if self._open_record is None:
            return
        from namndtui.errors import UserError

        try:
            self.open_record_now()
        except UserError as err:  # as before the deferral: one line on stderr, exit 2
            from rich.text import Text

            from namndtui.textcheck import visible

            self.exit(err.exit_code, return_code=err.exit_code, message=Text(visible(err.message)))
            return
        for warning in self.start_warnings:
            self.notify(S.WARNINGS.format(text=warning), severity="warning", markup=False)
        if self.readonly:
            for each in self.screen_stack:
                each.add_class("-readonly")
        from namndtui.tui.screens.meeting import MeetingScreen

        home = self.screen_stack[0] if self.screen_stack else None
        if (
            isinstance(home, MeetingScreen)
            and self.state.current_item
            and self._untouched_agenda(home)
        ):
            home.start()  # resuming: show the record's current item, as before the deferral
        self.post_record_changed(None, write_minutes=False)

    @staticmethod
    def _untouched_agenda(screen: MeetingScreen) -> bool:
        """The secretary has not moved in the agenda yet (it still shows the first item)."""
        from textual.css.query import NoMatches

        from namndtui.tui.widgets.agenda import AgendaList

        try:
            return screen.query_one(AgendaList).highlighted in (0, None)
        except NoMatches:  # an empty agenda, or the screen is not composed yet
            return False

    @property
    def disk(self) -> DiskGuard:
        """The DiskGuard (tui/disk.py): unsaved acts, the banner, retrying, saving elsewhere."""
        guard = self.__dict__.get("_disk")
        if guard is None:
            from namndtui.tui.disk import DiskGuard

            guard = self.__dict__["_disk"] = DiskGuard(self)
        return guard

    # --- state --------------------------------------------------------------------------

    @property
    def state(self) -> RecordState:
        return self.record.state if self.record is not None else self._state

    @property
    def readonly(self) -> bool:
        return bool(self.readonly_reason)

    def now_hhmm(self) -> str:
        return self.clock().strftime("%H:%M")

    @property
    def user_keymap(self) -> dict[str, str]:
        """The user's [keys] (binding id -> keys) as set by `set_keymap` (docs/settings.md)."""
        return dict(self._keymap)

    def saved_text(self) -> str:
        if self.record is not None and self.disk.unsaved:
            return S.NOT_SAVED  # the banner says why and what to do
        saved = self.record.last_saved if self.record is not None else None
        if saved is None or saved == "":
            return S.NOTHING_SAVED if self.record is not None else ""
        if isinstance(saved, dt.datetime | dt.time):
            saved = saved.strftime("%H:%M:%S")
        else:
            saved = str(saved)
            if len(saved) > 8 and (" " in saved or "T" in saved):
                saved = saved.replace("T", " ").split(" ")[-1][:8]
        return S.SAVED_AT.format(time=clock(saved))

    # --- lifecycle ----------------------------------------------------------------------

    def get_default_screen(self):
        from namndtui.tui.screens.meeting import MeetingScreen

        return MeetingScreen(self.meeting)

    def get_system_commands(self, screen: Any) -> Iterable[Any]:
        """Textual's own palette entries are English ("Quit the application as soon as
        possible", "Maximize" …); the meeting screen's provider lists every action of
        ours (help and quit included), so only the theme stays, in Swedish."""
        from textual.app import SystemCommand

        yield SystemCommand(S.PALETTE_THEME, S.PALETTE_THEME_HELP, self.action_change_theme)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from namndtui.tui.palette import SwedishPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            palette = SwedishPalette(id="--command-palette", placeholder=S.PALETTE_PLACEHOLDER)
            self.push_screen(palette)

    def search_themes(self) -> None:
        """The theme picker, in Swedish (Textual's says "Search for themes…")."""
        from namndtui.tui.palette import theme_picker

        self.push_screen(theme_picker())

    def action_help_quit(self) -> None:
        """ctrl+c: how to quit, in Swedish (Textual's toast is English)."""
        for active in self.active_bindings.values():
            if active.binding.action in ("quit", "app.quit"):
                shown = self.get_key_display(active.binding)
                self.notify(S.QUIT_HINT.format(key=shown), title=S.QUIT_HINT_TITLE, markup=False)
                return

    def on_mount(self) -> None:
        from namndtui.tui.commands import MeetingCommands

        self.call_after_refresh(self._after_first_frame)
        self.COMMANDS = self.COMMANDS | {MeetingCommands}
        for note in self.start_notes:
            self.notify(note, markup=False, timeout=8)
        if self.opening:  # its warnings come once it is open
            self.call_after_refresh(self._open_after_first_frame)
            return
        for warning in self.start_warnings:
            self.notify(S.WARNINGS.format(text=warning), severity="warning", markup=False)

    def _after_first_frame(self) -> None:
        """Start-up work that waits until the first frame is painted: the garbage collector
        (off since commands/open_app.run) and the styles of the screens that open over the
        meeting screen (screens.tcss; read here, the first dialog would parse all styles
        again)."""
        import gc

        gc.enable()
        if not self.stylesheet.has_source(SCREENS_CSS):
            self.stylesheet.read(SCREENS_CSS)
            self.stylesheet.parse()

    # --- recording ----------------------------------------------------------------------

    def refuse_readonly(self) -> bool:
        """Explain why nothing can be recorded; True when read-only."""
        if self.opening:  # an act before the deferred open ran: open it now, then go on
            self._open_after_first_frame()
        if self.readonly:
            self.notify(
                S.READONLY_REFUSED.format(reason=self.readonly_reason),
                severity="warning",
                markup=False,
            )
            return True
        return False

    def post_record_changed(
        self, item_ids: list[str] | None, *, write_minutes: bool = True
    ) -> None:
        self.screen.post_message(RecordChanged(item_ids))
        for screen in self.screen_stack:
            if screen is not self.screen:
                screen.post_message(RecordChanged(item_ids))
        if write_minutes:
            self.schedule_minutes()

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        """Every notice shows user text (titles, names, reasons quoting a file) visibly.

        Without a timeout of its own, a routine acknowledgement goes after 3 s (the status
        line already says "Sparat …"), a warning (a refusal and its reason) after 8 s and
        an error after 12 s, so notices do not pile up over the report at 80x24.
        """
        from namndtui.textcheck import visible

        if kwargs.get("timeout") is None and len(args) < 3:
            severity = args[1] if len(args) > 1 else kwargs.get("severity", "information")
            kwargs["timeout"] = NOTICE_TIMEOUTS.get(severity, NOTICE_TIMEOUTS["information"])
        super().notify(visible(message), *args, **kwargs)

    def show_error(self, message: str) -> None:
        from namndtui.tui.modals.dialogs import ErrorModal

        self.push_screen(ErrorModal(message))

    # --- minutes files ------------------------------------------------------------------

    def schedule_minutes(self) -> None:
        """Write the minutes files in a worker thread, from the journal's entries as they
        are now: the worker folds them into its own state (record/replica.py), so the act
        costs a copy of the list, not of the state, and the worker reads no state the
        fold is changing."""
        if self.write_minutes_enabled:
            self._minutes_asked += 1
            self._minutes_latest = (self._minutes_asked, self._journal_entries())
            self.write_minutes_worker(self._minutes_asked)

    def _journal_entries(self) -> list[Entry]:
        """A copy of the journal's entries on disk (the minutes are folded from them, and
        they explain changes to justered minutes). Acts kept in memory while the disk
        fails are left out: the minutes files never say what the journal does not (quitting
        anyway loses them); they follow once the retry writes them."""
        record = self.record
        return record.saved_events if record is not None else []

    # description: without it Textual names the worker by the repr of its arguments
    # (the whole state, when it was given one: ~6 ms at 1,000 journal lines, in the key's
    # handler).
    @work(
        thread=True, exclusive=True, exit_on_error=False, group="minutes", description="protokoll"
    )
    def write_minutes_worker(self, asked: int) -> None:
        """The minutes after the latest entries handed over (`_minutes_latest`), folded
        into the replica, one writer at a time. A worker still writing when the next acts
        start others is waited for; the first of those to go writes the latest entries,
        and the rest find their acts written already (a burst of keys is two writes, not
        one per key), so a later write never has an older state."""
        replica = self._minutes_replica()
        with replica.lock:
            if self._minutes_written >= asked:
                return
            latest, entries = self._minutes_latest
            note = self._write_minutes_files(replica.catch_up(entries), replica.entries)
            self._minutes_written = latest
        self.call_from_thread(self._minutes_written_note, note)

    def _write_minutes_now(self) -> str:
        """Write the minutes files now, on the event loop (at quit): the live state, which
        nothing changes while this runs, after any worker still writing."""
        record = self.record  # opened now when the app is not running
        entries = list(record.events) if record is not None else None
        with self._minutes_replica().lock:
            return self._write_minutes_files(self.state, entries)

    def _write_minutes_files(self, state: RecordState, entries: list[Entry] | None) -> str:
        """Write the minutes files of `state`; a disk error, or justered minutes on disk
        that these would change behind the journal's back (`entries` explain the changes
        the journal made), is the returned note ("" when written).

        Anything else is a bug in the renderer and is raised: the worker's error is shown
        in the error modal (`on_worker_state_changed`), never passed off as normal.
        """
        from namndtui.minutes.render import TemplateProblem
        from namndtui.minutes.revision import JusteredMinutesChanged
        from namndtui.minutes.settings import DEFAULT
        from namndtui.minutes.write import write_minutes

        try:
            write_minutes(
                self.meeting,
                state,
                self.folder,
                settings=self.protokoll_settings or DEFAULT,
                entries=entries,
            )
        except OSError as err:  # a full disk must not stop the meeting
            return S.MINUTES_FAILED.format(reason=error_reason(err))
        except JusteredMinutesChanged as refused:
            return _refusal_note(refused.refusal.lines)
        except TemplateProblem as err:  # the user's own template (template_dir): its line
            return S.MINUTES_FAILED.format(reason=err.message)
        return ""

    def _minutes_replica(self) -> Replica:
        """The minutes writer's own state of the record (made on the first write)."""
        from namndtui.record.replica import Replica

        if self._replica is None:
            self._replica = Replica(self.meeting)
        return self._replica

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A minutes worker that failed with a bug: the error modal says so."""
        worker = event.worker
        if worker.group == "minutes" and event.state == WorkerState.ERROR:
            err = worker.error
            self.show_error(S.MINUTES_BUG.format(reason=f"{type(err).__name__}: {err}"))

    def _minutes_written_note(self, note: str) -> None:
        self.minutes_note = note
        if note:
            self.notify(note, severity="error", markup=False)
        self.screen.post_message(RecordChanged([]))

    def action_quit(self) -> None:
        """q: everything recorded is on disk; bring the minutes files up to date, exit 0."""
        if self.opening:  # quit before the record was opened: nothing to save, no lock
            self._open_record = None
        if self._record is not None and self.disk.quit_blocked():
            return  # acts wait to be saved: a dialog asks what to do
        if self.write_minutes_enabled:
            try:
                note = self._write_minutes_now()
            except Exception as err:  # a renderer bug: reported on exit, the journal kept
                message = S.MINUTES_BUG.format(reason=f"{type(err).__name__}: {err}")
                self.close_record_and_exit(Text(plain(message).plain), 1)
                return
            if note:  # the app is gone at once: the note is printed after it
                self._close_record()
                self.exit(0, message=Text(plain(note).plain))
                return
        self._close_record()
        self.exit(0)

    def _close_record(self) -> None:
        """Close the journal and release the lock; nothing recorded can be lost here (the
        unsaved acts were dealt with before), so a failing disk is not shown again."""
        if self.record is None:
            return
        from namndtui.record.journal import JournalError

        with contextlib.suppress(OSError, JournalError):
            self.record.close()

    def close_record_and_exit(self, message: Any, return_code: int) -> None:
        """Quit with unsaved acts (the secretary chose so): one last try on close."""
        self._close_record()
        self.exit(return_code, return_code=return_code, message=message)


# Seconds a notice stays when the caller gives no timeout (NamndApp.notify).
NOTICE_TIMEOUTS = {"information": 3.0, "warning": 8.0, "error": 12.0}


def hidden_in_meeting_file(source: str) -> list[str]:
    """The meeting file's hidden format characters (a bidi override in a name …), one
    line each naming the field, as `validate` says them; read after the first frame."""
    if not source:
        return []
    from namndtui.meetingcheck import hidden_character_file_warnings

    return [str(problem) for problem in hidden_character_file_warnings(source)]


def _refusal_note(lines: list[str]) -> str:
    """The notice for justered minutes not rewritten: the first differences."""
    changes = "; ".join(lines[:3]) + (" …" if len(lines) > 3 else "")
    return S.MINUTES_JUSTERED.format(changes=changes)


def plain(text: str) -> Content:
    """User text as Content, never parsed as markup, control characters visible."""
    from namndtui.tui.text import user_text

    return user_text(text)
