"""The app's side of recording: an act's events applied through the Record (check, fold,
journal + fsync) as one act, and the screens' requests answered (`ActsRequested`,
`UndoRequested`, `RedoRequested`, tui/messages.py).

`NamndApp` (tui/app.py) inherits `RecordKeeper`; nothing else applies events. A RuleError
is a notice, a journal or disk error the error modal; a write the disk did not take is
kept in memory and retried (tui/disk.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from namndtui.storage import os_reason
from namndtui.tui import strings as S
from namndtui.tui.messages import ActsRequested, RedoRequested, UndoRequested

if TYPE_CHECKING:
    from namndtui.record.events import Event
    from namndtui.tui.app import NamndApp
    from namndtui.tui.messages import Act


class RecordKeeper:
    """Applies the acts the screens ask for; mixed into NamndApp."""

    def apply(self: NamndApp, *events: Event) -> bool:
        """Record events in order (each durable before the next) as one act of the
        secretary (ctrl+z takes them all back). False when refused.

        A RuleError is a notice (the secretary tries something the procedure refuses);
        a journal or disk error is a modal with the reason. The screen never freezes.
        """
        if self.refuse_readonly():
            return False
        # the act is checked whole: a refused part writes nothing of it
        if not self._write(self.record.check_all, events):
            return False
        touched: list[str] = []
        ok = True
        first = self.record.events[-1][0] + 1 if self.record.events else 1
        for event in events:
            ok = self._write(self.record.apply, event)
            if not ok:
                break
            item = event.item_id
            if item and item not in touched:
                touched.append(item)
        seal = self._new_seal() if ok else None
        if seal is not None:  # part of the act: ctrl+z takes it back with it
            ok = self._write(self.record.apply, seal)
        if len(events) + (seal is not None) > 1:  # one act, also when cut short
            self._write(self.record.group, first)
        if touched or ok:
            self.post_record_changed(touched or None)
        if ok:
            self._warn_hidden(events)
        return ok

    def _warn_hidden(self: NamndApp, events: tuple[Event, ...]) -> None:
        """A hidden format character typed or pasted into the act's texts: recorded and
        shown visibly (⟨U+202E⟩), and said once, naming the field, as validate does."""
        from namndtui.record.hidden_text import hidden_text_warning

        if warning := hidden_text_warning(events):
            self.notify(S.WARNINGS.format(text=warning), severity="warning", markup=False)

    def _new_seal(self: NamndApp) -> Event | None:
        """After the justering, an act that changes the minutes (a rättelse) gives them a
        new seal: recorded with the act, signed with the secretary's key, as export does
        (the minutes written never carry a seal the journal lacks). None before the
        justering, when the seal is unchanged, or when the key file is unusable (then
        `namndtui export` records it and signs it once the key is mended; a notice says
        so, as the minutes written meanwhile carry a seal the journal lacks)."""
        if not self.state.justered_on:
            return None
        from namndtui.errors import UserError
        from namndtui.minutes.model import Minutes
        from namndtui.minutes.revision import new_seal, unrecorded_seal
        from namndtui.minutes.signing import load_signer

        try:
            signer = load_signer()
        except UserError as err:
            if unrecorded_seal(Minutes(self.meeting, self.state)):
                reason = err.message.rstrip(".")
                self.notify(S.SEAL_NOT_SIGNED.format(reason=reason), severity="error", markup=False)
            return None
        return new_seal(Minutes(self.meeting, self.state), signer)

    def _write(self: NamndApp, step: Callable[[Any], object], arg: Any) -> bool:
        """One write to the record; False when refused or not written (said on screen)."""
        from namndtui.record.procedure import RuleError
        from namndtui.record.record import JournalError, UnsavedError

        try:
            with self.disk.lock:  # not while the retry thread writes
                step(arg)
        except UnsavedError as err:  # recorded, in memory only: banner, retries
            self.disk.failed(err)
        except RuleError as err:
            self.notify(S.REFUSED.format(reason=str(err)), severity="warning", markup=False)
            return False
        except (JournalError, OSError) as err:  # journal / disk: the reason, keep running
            self.show_error(S.SAVE_FAILED.format(reason=error_reason(err)))
            return False
        return True

    def on_acts_requested(self: NamndApp, message: ActsRequested) -> None:
        """Record the act a screen or modal asks for (tui/messages.py), then answer it."""
        recorded = self.record_act(message.act) if message.act else self.apply(*message.events)
        if message.done is not None:
            message.done(recorded)

    def record_act(self: NamndApp, act: Act) -> bool:
        """Apply the events of `act(meeting, state)` (an act of record/acts.py with its
        input bound); its refusal is a notice that names the key to use instead, if any."""
        from namndtui.record.procedure import RuleError
        from namndtui.tui.labels import refusal

        try:
            events = act(self.meeting, self.state)
        except RuleError as err:
            text, severity = refusal(self.meeting, err)
            self.notify(text, severity=severity, markup=False)  # type: ignore[arg-type]
            return False
        return self.apply(*events)

    def on_undo_requested(self: NamndApp, message: UndoRequested) -> None:
        self.undo()

    def on_redo_requested(self: NamndApp, message: RedoRequested) -> None:
        self.redo()

    def undo(self: NamndApp) -> None:
        if self.refuse_readonly():
            return
        # Published minutes do not lose their justering with one key (docs/keys.md).
        self._undo_redo(lambda: self.record.undo(justering=False), S.UNDONE, S.NOTHING_TO_UNDO)

    def redo(self: NamndApp) -> None:
        if self.refuse_readonly():
            return
        self._undo_redo(self.record.redo, S.REDONE, S.NOTHING_TO_REDO)

    def _undo_redo(
        self: NamndApp, step: Callable[[], Event | None], done: str, nothing: str
    ) -> None:
        from namndtui.record.procedure import RuleError
        from namndtui.record.record import JournalError, UnsavedError

        try:
            with self.disk.lock:
                event = step()
        except UnsavedError as err:  # done in memory, not on disk: as for an act
            self.disk.failed(err)
            self.post_record_changed(None)
            return
        except RuleError as err:
            self.notify(S.REFUSED.format(reason=str(err)), severity="warning", markup=False)
            return
        except (JournalError, OSError) as err:
            self.show_error(S.SAVE_FAILED.format(reason=error_reason(err)))
            return
        if event is None:
            self.notify(nothing, markup=False)
            return
        self.notify(done.format(what=event.describe()), markup=False)
        self.post_record_changed(None)


def error_reason(err: BaseException) -> str:
    """The reason of a journal or disk error, for a notice or the error modal."""
    return os_reason(err)
