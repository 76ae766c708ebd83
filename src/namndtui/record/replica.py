"""A record's state for another thread, folded there from the journal's entries.

The live `Record.state` is changed in place by every act (record/fold.py), in the thread
that records (the TUI's event loop). A thread that reads the state meanwhile (the minutes
writer renders the whole protokoll from it) needs a state nobody changes under it. A deep
copy per act gave it one, at a cost that grew with the meeting, in the key's own handler
(docs/performance.md). A `Replica` gives it one by the record's own means instead: it
folds the record's entries, which are append-only `(seq, time, event)` tuples of frozen
events, into a state of its own, in the reading thread, and only the entries it has not
folded yet. The recording thread hands over a copy of the entries list (pointers: about
2 µs at 1,000 lines) and never touches the replica's state.

    replica = Replica(meeting)
    with replica.lock:                       # one reader at a time (workers may overlap)
        state = replica.catch_up(entries)    # the state after `entries`, never older
        ...                                  # read it while the lock is held

`fold_entries(meeting, entries)` is what `catch_up` amounts to; the record folds the
same events the same way (`Record.open`, `Record.apply`), so the two states are equal.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from namndtui.model import Meeting
from namndtui.record import events as ev
from namndtui.record.fold import apply_event, new_state
from namndtui.record.state import RecordState

Entry = tuple[int, str, ev.Event]


class Replica:
    """A private state folded from a record's entries (see the module's docstring)."""

    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.lock = threading.Lock()
        self.state = new_state(meeting)
        self.entries: list[Entry] = []  # the entries folded into `state`, in order

    def catch_up(self, entries: Sequence[Entry]) -> RecordState:
        """Fold the entries not folded yet and return the state (the caller holds `lock`).

        `entries` is the record's list as it was when handed over: it extends the one
        folded so far, or is shorter when a newer one was folded first (the state never
        goes back). A list that is not an extension (another record, or one read again)
        is folded from the start."""
        known = len(self.entries)
        if len(entries) <= known:
            if entries and entries[-1] is not self.entries[len(entries) - 1]:
                self._refold(entries)
            return self.state
        if known and entries[known - 1] is not self.entries[-1]:
            self._refold(entries)
            return self.state
        for seq, time, event in entries[known:]:
            apply_event(self.meeting, self.state, event, seq, time)
        self.entries = list(entries)
        return self.state

    def _refold(self, entries: Sequence[Entry]) -> None:
        self.state = new_state(self.meeting)
        self.entries = []
        self.catch_up(entries)
