"""`Record`: the meeting record as the TUI and the CLI use it.

    record = Record.open(meeting, folder, clock=clock)
    seq = record.apply(DecisionRecorded(item="x", points=("…",)))   # RuleError / JournalError
    record.undo(); record.redo(); record.quorum().text(); record.close()

An act is checked (procedure.check), written and fsynced (journal), and only then folded
into `record.state`; when writing fails the state is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record.fold import apply_event, new_state
from namndtui.record.journal import (
    JOURNAL_NAME,
    JournalCorrupt,
    JournalError,
    JournalWriter,
    replay,
)
from namndtui.record.lock import FolderLock
from namndtui.record.procedure import Quorum, RuleError, check, quorum
from namndtui.record.state import RecordState

__all__ = ["JournalCorrupt", "JournalError", "Record", "RuleError", "meeting_label"]


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
        self.events = []
        self.corrupt = None
        self._lock: FolderLock | None = None
        self._writer: JournalWriter | None = None

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
                raise JournalError(
                    f"Mappen {folder} kunde inte skapas: {exc.strerror or exc}."
                ) from exc
            record._lock, reason = FolderLock.acquire(folder, record.clock)
            if record._lock is None:
                record.readonly, record.readonly_reason = True, reason
        label = meeting_label(meeting)
        replayed = replay(record.journal_path, label, strict=False)
        record.warnings.extend(replayed.warnings)
        for seq, time, event in replayed.entries:
            apply_event(meeting, record.state, event, seq, time)
            record.events.append((seq, time, event))
        if replayed.error is not None:
            record.corrupt = replayed.error
            record.warnings.append(replayed.error.message)
            record.readonly = True
            record.readonly_reason = (
                f"Journalen är skadad – {replayed.error.message}. Mötet öppnas skrivskyddat; "
                "inget efter den raden visas. Kontakta support innan du ändrar filen."
            )
            record._release()
        if not record.readonly:
            record._writer = JournalWriter(record.journal_path, label, replayed)
        return record

    # --- acting ---------------------------------------------------------------------------

    def apply(self, event: ev.Event) -> int:
        """Check, write durably, fold; returns the event's sequence number."""
        if self.readonly:
            raise RuleError(self.readonly_reason or "Mötet är öppnat skrivskyddat.")
        check(self.meeting, self.state, event)
        assert self._writer is not None
        now = self.clock()
        stamp = now.strftime("%Y-%m-%dT%H:%M:%S")
        seq = self.events[-1][0] + 1 if self.events else 1
        self._writer.append(seq, stamp, event)  # JournalError: nothing below happens
        self.last_saved = now
        self.events.append((seq, stamp, event))
        apply_event(self.meeting, self.state, event, seq, stamp)
        return seq

    def event_at(self, seq: int) -> ev.Event | None:
        if 1 <= seq <= len(self.events) and self.events[seq - 1][0] == seq:
            return self.events[seq - 1][2]
        return next((e for s, _, e in self.events if s == seq), None)

    def can_undo(self) -> bool:
        return bool(self.state.done) and not self.readonly

    def can_redo(self) -> bool:
        return bool(self.state.redo_stack) and not self.readonly

    def undo(self) -> ev.Event | None:
        """Take back the latest act still in effect; returns it, or None if there is none.

        Raises RuleError when the act may not be taken back (a justified paragraph).
        """
        if not self.state.done:
            return None
        target = self.state.done[-1]
        self.apply(ev.Undone(target))
        return self.event_at(target)

    def redo(self) -> ev.Event | None:
        """Bring back the latest undone act (if nothing new was done since)."""
        if not self.state.redo_stack:
            return None
        target = self.state.redo_stack[-1]
        self.apply(ev.Redone(target))
        return self.event_at(target)

    # --- reading --------------------------------------------------------------------------

    def quorum(self, item_id: str = "") -> Quorum:
        """Quorum on `item_id` (default: the current item, else the meeting as a whole)."""
        return quorum(self.meeting, self.state, item_id or self.state.current_item)

    def close(self) -> None:
        """Close the journal and release the lock (idempotent)."""
        if self._writer is not None:
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
