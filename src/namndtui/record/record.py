"""`Record`: the meeting record as the TUI and the CLI use it.

    record = Record.open(meeting, folder, clock=clock)
    seq = record.apply(DecisionRecorded(item="x", points=("…",)))   # RuleError / JournalError
    record.undo(); record.redo(); record.quorum().text(); record.close()

An act is checked (procedure.check), folded into `record.state` and written and fsynced
(journal); `apply` returns only once it is on disk. When writing fails (disk full,
read-only, the file replaced …) the act is kept in memory as *unsaved* (`record.unsaved`,
`record.save_error`) and `UnsavedError` is raised: the meeting goes on, every later
`apply` (or `retry_save`) tries to write the unsaved acts first, in order, and
`save_journal_to(path)` writes the whole journal somewhere else.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record.fold import BOOKKEEPING, apply_event, new_state
from namndtui.record.journal import (
    JOURNAL_NAME,
    JournalCorrupt,
    JournalError,
    JournalWriter,
    encode_line,
    header_line,
    replay,
)
from namndtui.record.lock import OPENS_READONLY, FolderLock
from namndtui.record.orphans import orphan_notes
from namndtui.record.procedure import Quorum, RuleError, check, quorum
from namndtui.record.state import RecordState
from namndtui.storage import atomic_write, os_reason

__all__ = [
    "JournalCorrupt",
    "JournalError",
    "Record",
    "RuleError",
    "UnsavedError",
    "check_all",
    "meeting_label",
]


def trial_state(state: RecordState) -> RecordState:
    """A copy of `state` an act may be folded into without touching the original (the
    events in its log are immutable, so the log is copied, not its entries)."""
    probe = copy.copy(state)
    for f in dataclasses.fields(RecordState):
        value = getattr(state, f.name)
        setattr(probe, f.name, copy.copy(value) if f.name in BOOKKEEPING else copy.deepcopy(value))
    return probe


def check_all(meeting: Meeting, state: RecordState, events: Sequence[ev.Event]) -> None:
    """Raise RuleError when the rules refuse any of `events`, each checked in the state
    the ones before it leave: an act is checked whole before any of it is written (the
    implicit opening and call of an item are not recorded for a refused motion)."""
    if len(events) < 2:
        if events:
            check(meeting, state, events[0])
        return
    probe = trial_state(state)
    for event in events:
        check(meeting, probe, event)
        apply_event(meeting, probe, event)


JUSTERING_NOT_UNDONE = (
    "Protokollets justering och anslag ångras inte med ctrl+z: det justerade protokollet "
    "kan redan vara publicerat. Ändringar görs som rättelse med angivet skäl."
)


class UnsavedError(JournalError):
    """The act is recorded in memory but not on disk (`seq`); `message` says why.

    The record keeps it (and every act after it) in `unsaved` and writes them with the
    next `apply` or `retry_save`; nothing is acknowledged as saved until then.
    """

    def __init__(self, message: str, seq: int) -> None:
        super().__init__(message)
        self.seq = seq


def meeting_label(meeting: Meeting) -> str:
    """The journal header's name for the meeting: "<body> <date>"."""
    return f"{meeting.body} {meeting.date.isoformat()}"


class Record:
    """The live record of one meeting, backed by `folder/journal.jsonl`."""

    meeting: Meeting
    state: RecordState
    folder: Path
    readonly: bool
    readonly_reason: str
    warnings: list[str]
    last_saved: datetime | None
    events: list[tuple[int, str, ev.Event]]
    corrupt: JournalCorrupt | None  # set when the journal has a damaged line (read-only)

    def __init__(self, meeting: Meeting, folder: Path, clock: Callable[[], datetime]) -> None:
        self.meeting = meeting
        self.folder = folder
        self.clock = clock
        self.state = new_state(meeting)
        self.readonly = False
        self.readonly_reason = ""
        self.warnings = []
        self.last_saved = None
        self._stamped: datetime | None = None  # the time of the latest apply
        self.events = []
        self.corrupt = None
        self.save_error = ""  # why the latest write failed; "" once everything is saved
        # The system error behind the latest failed write (None once saved, or when the
        # journal itself refused): the app words it for its banner (tui/disk.disk_reason).
        self.save_cause: OSError | None = None
        self._saved = 0  # number of entries of `events` known to be on disk
        self._lock: FolderLock | None = None
        self._writer: JournalWriter | None = None

    def header(self) -> bytes:
        """The journal's header line: the meeting and the § it started numbering from."""
        return header_line(meeting_label(self.meeting), self.meeting.first_paragraph)

    @property
    def journal_path(self) -> Path:
        return self.folder / JOURNAL_NAME

    @classmethod
    def open(
        cls,
        meeting: Meeting,
        folder: Path,
        *,
        clock: Callable[[], datetime] | None = None,
        readonly: bool = False,
    ) -> Record:
        """Take the lock (else read-only with the reason) and replay the journal.

        Never raises for a damaged journal: the record then opens read-only on the valid
        prefix, with `corrupt` and `readonly_reason` saying which line is damaged and why.
        Raises JournalError only when the folder cannot be created.
        """
        folder = Path(folder)
        record = cls(meeting, folder, clock or datetime.now)
        if readonly:
            record.readonly = True
            record.readonly_reason = "Mötet är öppnat skrivskyddat."
        else:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise JournalError(f"Mappen {folder} kunde inte skapas: {os_reason(exc)}.") from exc
            record._lock, reason = FolderLock.acquire(folder, record.clock)
            if record._lock is None:
                record.readonly, record.readonly_reason = True, reason
        label = meeting_label(meeting)
        replayed = replay(record.journal_path, label, strict=False)
        record.warnings.extend(replayed.warnings)
        for seq, time, event in replayed.entries:
            apply_event(meeting, record.state, event, seq, time)
            record.events.append((seq, time, event))
        record._saved = len(record.events)
        # acts on an item id or a name meeting.toml no longer has would drop out of the
        # minutes without a word (an id or a name "tidied" after the meeting)
        record.warnings.extend(orphan_notes(meeting, record.state))
        if record.events:
            # Everything replayed is on disk: "Sparat" shows when the last act was written.
            with contextlib.suppress(ValueError):
                record.last_saved = datetime.fromisoformat(record.events[-1][1])
        if replayed.error is not None:
            record.corrupt = replayed.error
            record.warnings.append(replayed.error.message)
            record.readonly = True
            record.readonly_reason = (
                f"Journalen är skadad – {replayed.error.message}. Mötet öppnas skrivskyddat; "
                "inget efter den raden visas. Kontakta support innan du ändrar filen."
            )
            record._release()
        elif replayed.foreign:  # appending would damage the other meeting's record
            record.readonly = True
            record.readonly_reason = f"{replayed.foreign} {OPENS_READONLY}"
            record._release()
        if not record.readonly:
            record._writer = JournalWriter(record.journal_path, record.header(), replayed)
        return record

    # --- acting ---------------------------------------------------------------------------

    def apply(self, event: ev.Event, *, now: datetime | None = None) -> int:
        """Check, fold, write durably; returns the event's sequence number.

        RuleError: refused, nothing changed. UnsavedError: recorded in memory, not on disk
        (see `unsaved`); any earlier unsaved acts are written first. `now`: the time to
        stamp (default: the clock).
        """
        if self.readonly:
            raise RuleError(self.readonly_reason or "Mötet är öppnat skrivskyddat.")
        check(self.meeting, self.state, event)
        assert self._writer is not None
        now = self._stamped = now or self.clock()
        stamp = now.strftime("%Y-%m-%dT%H:%M:%S")
        seq = self.events[-1][0] + 1 if self.events else 1
        self.events.append((seq, stamp, event))
        apply_event(self.meeting, self.state, event, seq, stamp)
        self._flush(now)
        return seq

    def check_all(self, events: Sequence[ev.Event]) -> None:
        """RuleError when the act `events` would be refused anywhere (nothing written)."""
        if self.readonly:
            raise RuleError(self.readonly_reason or "Mötet är öppnat skrivskyddat.")
        check_all(self.meeting, self.state, events)

    @property
    def saved_events(self) -> list[tuple[int, str, ev.Event]]:
        """A copy of the entries known to be on disk, in order: the journal as the file
        holds it (the acts kept in memory while the disk fails are left out)."""
        return self.events[: self._saved]

    @property
    def unsaved(self) -> list[int]:
        """Sequence numbers of acts recorded in memory but not yet on disk, in order (the
        ActGrouped marks, bookkeeping, are written with them but not counted)."""
        return [seq for seq, _, e in self.events[self._saved :] if not isinstance(e, ev.ActGrouped)]

    def retry_save(self) -> bool:
        """Try again to write the unsaved acts; True when everything is on disk."""
        if self._writer is None or self._saved == len(self.events):
            return not self.unsaved
        try:
            self._flush(self.clock())
        except UnsavedError:
            return False
        return True

    def _flush(self, now: datetime) -> None:
        """Write every unsaved entry in order; raise UnsavedError when one fails."""
        assert self._writer is not None
        try:
            if self._writer.needs_rewrite:
                self._writer.rewrite(self.events)
                self._saved = len(self.events)
            while self._saved < len(self.events):
                self._writer.append(*self.events[self._saved])
                self._saved += 1
        except JournalError as err:
            cause = err.__cause__
            self.save_cause = cause if isinstance(cause, OSError) else None
            reason = os_reason(cause) if isinstance(cause, OSError) else err.message
            count = len(self.unsaved)
            acts, saved = ("1 åtgärd", "sparad") if count == 1 else (f"{count} åtgärder", "sparade")
            self.save_error = (
                f"Kunde inte spara i {self.journal_path}: {reason}. {acts} finns bara i "
                f"minnet och är inte {saved}; försöker igen vid nästa åtgärd. Spara "
                "journalen någon annanstans om felet består."
            )
            raise UnsavedError(self.save_error, self.events[-1][0]) from cause
        self.save_error = ""
        self.save_cause = None
        self.last_saved = now

    def save_journal_to(self, path: Path | str) -> Path:
        """Write the whole journal (unsaved acts included) to `path` atomically.

        `path` is a file or an existing folder (then `path/journal.jsonl`). The copy is a
        valid journal: put it in the meeting folder as journal.jsonl to continue from it.
        The record keeps writing to its own folder. Raises JournalError.
        """
        target = Path(path)
        if target.is_dir():
            target = target / JOURNAL_NAME
        data = self.header() + b"".join(
            encode_line(seq, time, event) for seq, time, event in self.events
        )
        try:
            atomic_write(target, data)
        except OSError as exc:
            raise JournalError(f"Kunde inte spara journalen i {target}: {os_reason(exc)}.") from exc
        return target

    def event_at(self, seq: int) -> ev.Event | None:
        if 1 <= seq <= len(self.events) and self.events[seq - 1][0] == seq:
            return self.events[seq - 1][2]
        return next((e for s, _, e in self.events if s == seq), None)

    def can_undo(self) -> bool:
        return bool(self.state.done) and not self.readonly

    def can_redo(self) -> bool:
        return bool(self.state.redo_stack) and not self.readonly

    def group(self, first: int) -> None:
        """Make the acts from seq `first` to the latest one act of the secretary, undone
        and redone together (writes ActGrouped; nothing when it is a single event)."""
        if self.events and self.events[-1][0] > first:  # stamped as the act's last event
            self.apply(ev.ActGrouped(first), now=self._stamped)

    def undo(self, *, justering: bool = True) -> ev.Event | None:
        """Take back the latest act still in effect (every event of it); returns its
        first event, or None if there is none.

        Raises RuleError when the act may not be taken back (a justified paragraph; with
        `justering=False`, as in the TUI, the justering or anslag of the minutes).
        """
        if not self.state.done:
            return None
        target = self.state.act_key(self.state.done[-1])
        if not justering:
            members = set(self.state.act_members(target, self.state.done))
            acts = [e for s, _, e in self.events if s in members]
            # The seal goes with the act it seals (a rättelse in the TUI): alone, it is
            # the journal's record of minutes already written.
            if all(isinstance(e, ev.MinutesSealed) for e in acts) or any(
                isinstance(e, ev.MinutesJustified | ev.MinutesPosted | ev.MinutesRevised)
                for e in acts
            ):
                raise RuleError(JUSTERING_NOT_UNDONE)
        self.apply(ev.Undone(target))
        return self.headline(target)

    def redo(self) -> ev.Event | None:
        """Bring back the latest undone act (if nothing new was done since)."""
        if not self.state.redo_stack:
            return None
        target = self.state.redo_stack[-1]
        self.apply(ev.Redone(target))
        return self.headline(target)

    def headline(self, target: int) -> ev.Event | None:
        """The event that names the act starting at seq `target` in a notice: its first
        event other than the opening and the call the act brought with it (`b` on an item
        not yet called is "beslut", not "ärendet uppropat")."""
        members = [e for s, _, e in self.events if self.state.act_key(s) == target]
        named = [e for e in members if not isinstance(e, ev.MeetingOpened | ev.ItemCalled)]
        return (named or members or [self.event_at(target)])[0]

    # --- reading --------------------------------------------------------------------------

    def quorum(self, item_id: str = "") -> Quorum:
        """Quorum on `item_id` (default: the current item, else the meeting as a whole)."""
        return quorum(self.meeting, self.state, item_id or self.state.current_item)

    def close(self) -> None:
        """Close the journal and release the lock (idempotent).

        Unsaved acts get one more try; if they still cannot be written they are lost
        with the process, so callers check `unsaved` (and offer `save_journal_to`) first.
        """
        if self._writer is not None:
            self.retry_save()
            self._writer.close()
            self._writer = None
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Record:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
