"""Minutes from a path on the command line: a meeting (folder or meeting.toml) or a protokoll.toml.

A meeting's journal is replayed read-only (no lock is taken, nothing is written), so
export and extract can run while the meeting is open in the TUI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from namndtui.errors import UserError
from namndtui.meetingfile import MEETING_FILENAME, load_meeting
from namndtui.minutes import corrects
from namndtui.minutes.model import Minutes
from namndtui.minutes.numbering import with_numbering
from namndtui.minutes.protokoll_format import PROTOKOLL_FILENAME
from namndtui.minutes.protokoll_read import load_protokoll
from namndtui.model import Meeting
from namndtui.storage import check_input, input_problem, os_reason, read_input


@dataclass
class Source:
    minutes: Minutes
    folder: Path  # the meeting folder (default output folder)
    meeting_file: Path | None  # set when the minutes come from a meeting + journal
    # What the journal's replay noticed (a torn last line, another meeting's name …):
    # the commands print them, as the app shows them.
    warnings: list[str] = field(default_factory=list)
    # The journal's (seq, time, event) entries when the minutes come from one: they tell
    # a change recorded after justered minutes were written from one made behind them
    # (namndtui.minutes.revision).
    entries: list = field(default_factory=list)


def is_protokoll_file(path: Path) -> bool:
    """A .toml file that declares the protokoll format (or is named protokoll.toml)."""
    if path.name == PROTOKOLL_FILENAME:
        return True
    try:
        head = read_input(path)[:4096].decode("utf-8", "replace")
    except OSError:
        return False
    return 'format = "namndtui/protokoll/' in head


def resolve(path_text: str) -> tuple[str, Path]:
    """('meeting' | 'protokoll', file) for a PATH argument. Raises UserError (exit 2)."""
    path = Path(path_text)
    if path.is_dir():
        if (path / MEETING_FILENAME).is_file():
            return "meeting", path / MEETING_FILENAME
        if (path / PROTOKOLL_FILENAME).is_file():
            return "protokoll", path / PROTOKOLL_FILENAME
        raise UserError(
            f"{path}: mappen innehåller varken {MEETING_FILENAME} eller {PROTOKOLL_FILENAME}", 2
        )
    try:
        check_input(path)  # a FIFO, /dev/zero, a symlink loop: refused here
    except OSError as err:
        raise UserError(f"{path}: {input_problem(err)}", 2) from None
    return ("protokoll" if is_protokoll_file(path) else "meeting"), path


def load_meeting_for_record(meeting_file: Path) -> Meeting:
    """The meeting with its § numbering settled (continued from earlier minutes)."""
    return with_numbering(load_meeting(meeting_file), meeting_file.parent)


def load_source(path_text: str) -> Source:
    """Load the minutes behind PATH (read-only). Raises UserError."""
    kind, file = resolve(path_text)
    if kind == "protokoll":
        return Source(load_protokoll(file), file.parent, None)
    from namndtui.record import minority
    from namndtui.record.record import Record

    meeting = load_meeting_for_record(file)
    try:
        record = Record.open(meeting, file.parent, readonly=True)
    except OSError as err:  # e.g. a folder where journal.jsonl should be
        reason = os_reason(err)
        raise UserError(f"{file.parent}: journalen kan inte läsas: {reason}", 2) from None
    try:
        if record.corrupt is not None:
            raise UserError(f"{file.parent}/{record.corrupt.message} – exporten avbryts", 2)
        if record.foreign:  # its acts are another meeting's: no minutes of this one from them
            raise UserError(
                f"{file.parent}: protokollet görs inte av ett annat mötes journal – "
                f"{record.foreign}",
                1,
            )
        minutes = Minutes(meeting, record.state, source=str(file))
        warnings = [
            *record.warnings,
            *corrects.warnings(meeting, file.parent),
            *minority.changed_rules(meeting, record.state),
        ]
        return Source(minutes, file.parent, file, warnings, list(record.events))
    finally:
        record.close()
