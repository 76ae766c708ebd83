"""Following a journal someone else writes: read-only, incremental, never the lock.

    follower = JournalFollower(meeting, folder)
    if follower.poll():          # cheap: one stat; reads only the bytes appended since
        show(follower.state, follower.problem)

A reader of `namndtui follow` (docs/follow.md). The writer is the only process that opens
the journal for writing or takes `.namndtui.lock`; the follower opens the file read-only
for each read and writes nothing anywhere.

What a poll does, by what the file did since the last one (stat: device, inode, size,
mtime):

- nothing changed: nothing is read (the usual case, every ~150 ms);
- it grew: the bytes after the last complete, valid line are read; each complete line is
  checked (JSON, checksum, the next sequence number, a known event, the same rules as
  `journal.replay`) and folded into the state; an unfinished last line (the writer is
  mid-write, or crashed mid-write) waits for the next poll;
- it was replaced (another inode, e.g. the writer's atomic rewrite or a restored copy) or
  became shorter than what was read: the whole file is read again;
- a damaged line: `problem` says which line and why, the state stays the last good one,
  and every later poll tries again (a writer restarting after a crash cuts a torn tail
  and appends after it, which the next poll reads);
- the file is missing: `problem` says so, the state stays;
- it holds fewer acts than its sidecar `journal.jsonl.check` says were saved (cut at a
  line boundary, which no line's checksum can show): `problem` says so and the state
  stays the last good one. The sidecar is read *before* the journal: the writer updates
  it after the journal's fsync, so what it says is then already in the file.

The header's pinned first § (journal.header_line) renumbers the meeting as the writer
numbered it, when the meeting file gives none.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from pathlib import Path

from namndtui.model import Meeting
from namndtui.record.fold import apply_event, new_state
from namndtui.record.journal import (
    JOURNAL_NAME,
    JournalCorrupt,
    Replay,
    Sidecar,
    _NotJson,
    _read_header,
    _read_line,
    sidecar_path,
)
from namndtui.record.record import meeting_label
from namndtui.record.state import RecordState
from namndtui.storage import open_input, os_reason

# A bound on one read: a journal of a long meeting is well under a megabyte.
READ_CHUNK = 4 * 1024 * 1024


@dataclass(frozen=True)
class FileStamp:
    """What a stat says about the journal file (None = no file)."""

    device: int
    inode: int
    size: int
    mtime_ns: int


def stamp_of(path: Path) -> FileStamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return FileStamp(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class JournalFollower:
    """The state of a meeting as its journal says, brought up to date by `poll`."""

    def __init__(self, meeting: Meeting, folder: Path) -> None:
        self.base_meeting = meeting
        self.meeting = meeting
        self.path = Path(folder) / JOURNAL_NAME
        self.label = meeting_label(meeting)
        self.state: RecordState = new_state(meeting)
        self.problem = ""  # Swedish: why the view may be behind (damaged, missing …); "" = fine
        self.warnings: list[str] = []
        # Swedish, once: something the viewer should know that is not a problem now (the
        # file was replaced and read again); the view shows it and calls `take_notice`.
        self.notice = ""
        self.reads = 0  # times the file was read (tests and the benchmark look)
        self._stamp: FileStamp | None = None
        self._offset = 0  # bytes of complete, valid lines consumed (header included)
        self._header = False
        self._seq = 0  # the last sequence number folded
        self._identity: tuple[int, int] | None = None
        self._stale = False  # the state shown is not the file's: read it all again

    # --- polling ------------------------------------------------------------------------

    def poll(self) -> bool:
        """Look at the file once; True when the state or the problem changed."""
        stamp = stamp_of(self.path)
        if stamp == self._stamp and stamp is not None:
            return False
        before = (self._seq, self.problem, len(self.state.log))
        self._stamp = stamp
        if stamp is None:
            self.problem = (
                f"Journalen ({self.path.name}) finns inte än; visningen väntar på "
                "sekreterarens första åtgärd." if self._seq == 0 else
                f"Journalen ({self.path.name}) har tagits bort; visningen står kvar på det "
                "senast lästa."
            )  # fmt: skip
            return before != (self._seq, self.problem, len(self.state.log))
        identity = (stamp.device, stamp.inode)
        saved = Sidecar.read(sidecar_path(self.path))  # first: a lower bound of the file
        if self._stale or (
            self._identity is not None and (identity != self._identity or stamp.size < self._offset)
        ):
            self._reread(saved)
        else:
            self._read_more()
            self.problem = self.problem or self._shortfall(saved)
        self._identity = identity
        return before != (self._seq, self.problem, len(self.state.log))

    def take_notice(self) -> str:
        notice, self.notice = self.notice, ""
        return notice

    def _read(self, start: int) -> bytes | None:
        try:
            with open_input(self.path) as fh:  # a FIFO in its place must not block
                fh.seek(start)
                data = fh.read(READ_CHUNK)
        except OSError as exc:
            self.problem = f"Journalen kunde inte läsas: {os_reason(exc)}."
            return None
        self.reads += 1
        return data

    def _read_more(self) -> None:
        """Fold the complete lines after `_offset`, a chunk at a time (a long journal read
        for the first time); a damaged line stops the reading."""
        while True:
            start = self._offset
            data = self._read(start)
            if data is None:
                return
            self.problem = self._fold_lines(data)
            if self.problem or len(data) < READ_CHUNK or self._offset == start:
                return

    def _fold_lines(self, data: bytes) -> str:
        """Fold the complete lines of `data`; the problem ("" = none) that stopped it."""
        lines = data.split(b"\n")
        complete = lines[:-1]
        for index, raw in enumerate(complete):
            number = self._seq + (2 if self._header else 1)  # 1-based line number
            try:
                self._take_line(raw, number)
            except _NotJson as exc:
                if index == len(complete) - 1 and not lines[-1]:
                    return ""  # a torn last line ending in a newline: the writer cuts it
                return _damaged(JournalCorrupt(self.path, number, str(exc)))
            except JournalCorrupt as exc:
                return _damaged(exc)
            self._offset += len(raw) + 1
        return ""

    def _take_line(self, raw: bytes, number: int) -> None:
        if not self._header:
            replayed = Replay()
            _read_header(self.path, raw, self.label, replayed)
            self.warnings += replayed.warnings
            self._header = True
            self._pin_numbering(raw)
            return
        seq, time, event = _read_line(self.path, number, raw, self._seq + 1)
        apply_event(self.meeting, self.state, event, seq, time)
        self._seq = seq

    def _pin_numbering(self, header: bytes) -> None:
        """The § numbering the writer pinned in the header (when the meeting file has
        none): the state is started again from it."""
        if self.base_meeting.first_paragraph:
            return
        try:
            pinned = json.loads(header).get("first_paragraph")
        except (ValueError, AttributeError, RecursionError):
            return
        valid = isinstance(pinned, int) and not isinstance(pinned, bool) and pinned > 0
        if valid and pinned != self.meeting.first_paragraph:
            self.meeting = dataclasses.replace(self.base_meeting, first_paragraph=pinned)
            self.state = new_state(self.meeting)  # nothing folded yet: the header is first

    def _shortfall(self, saved: Sidecar | None) -> str:
        """The problem when the file (all of it read) ends before the last act its sidecar
        says was saved: lines were cut away at a line boundary."""
        if saved is None or self._seq >= saved.seq:
            return ""
        return (
            f"Journalen slutar vid löpnummer {self._seq}, men åtgärderna till och med "
            f"löpnummer {saved.seq} sparades ({self.path.name}.check): rader saknas i "
            "slutet. Visningen står kvar på det senast lästa."
        )

    def _reread(self, saved: Sidecar | None) -> None:
        """The file was replaced or cut: read it all again. A damaged new file, or one
        cut short of what its sidecar says was saved, that holds less than was shown
        keeps the last good state (and the next change of the file is read from its
        start again)."""
        old = (self.meeting, self.state, self._offset, self._header, self._seq)
        self.meeting = self.base_meeting
        self.state = new_state(self.meeting)
        self._offset, self._header, self._seq = 0, False, 0
        self._read_more()
        self.problem = self.problem or self._shortfall(saved)
        self._stale = False
        self.notice = "Journalfilen byttes ut och har lästs om från början."
        if self.problem and self._seq < old[4]:
            problem = self.problem
            self.meeting, self.state, self._offset, self._header, self._seq = old
            self._stale = True
            self.problem = problem


def _damaged(error: JournalCorrupt) -> str:
    return (
        f"Journalen är skadad – {error.message}. Visningen står kvar på det senast lästa "
        "och läser vidare när filen ändras."
    )
