"""`namndtui [PATH]`: open the TUI on a meeting, a protokoll.toml (review) or an archive.

Imports Textual only here (lazily), so the other subcommands stay light. Everything that
can go wrong before the first frame becomes a UserError: one line on stderr, exit 2.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from namndtui.errors import UserError
from namndtui.storage import os_reason

if TYPE_CHECKING:  # annotations only: argparse is not needed to build the app
    import argparse
    import datetime as dt

MEETING_FILENAME = "meeting.toml"
PROTOKOLL_FILENAME = "protokoll.toml"


def example_meeting_path() -> Path:
    """The bundled example meeting (package data: namndtui/examples)."""
    from namndtui.examples import example_meeting

    return example_meeting()


def add_arguments(parser: argparse.ArgumentParser) -> None:  # pragma: no cover - via cli
    parser.add_argument("path", nargs="?")


def classify(path: Path) -> tuple[str, Path]:
    """('meeting', meeting.toml) | ('review', protokoll.toml) | ('archive', folder)."""
    from namndtui.tui import strings as S

    if not path.exists():
        raise UserError(S.NOT_FOUND.format(path=path), 2)
    if path.is_dir():
        if (path / MEETING_FILENAME).is_file():
            return "meeting", path / MEETING_FILENAME
        return "archive", path
    if path.name == PROTOKOLL_FILENAME or path.name.endswith("protokoll.toml"):
        return "review", path
    return "meeting", path


def build_app(path: Path | None, *, clock: Callable[[], dt.datetime] | None = None) -> Any:
    """The app for PATH (None = the example), or a UserError. Used by run() and tests."""
    from namndtui.tui import strings as S

    if path is None:
        path = example_meeting_path()
        if not path.is_file():
            raise UserError(S.EXAMPLE_MISSING.format(path=path), 2)
        return _meeting_app(_example_copy(path), clock, note=S.EXAMPLE_COPY)
    kind, target = classify(path)
    if kind == "archive":
        return _archive_app(target)
    if kind == "review":
        return _review_app(target, clock)
    return _meeting_app(target, clock)


def example_workdir() -> Path:
    """Where the example meeting is recorded: $XDG_DATA_HOME/namndtui/exempel (default
    ~/.local/share/namndtui/exempel), a folder of the user's own that survives restarts."""
    import os

    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "namndtui" / "exempel"


def _example_copy(path: Path) -> Path:
    """The user's working copy of the bundled example, so trying it never writes into the
    repository (the journal, the lock and the minutes go next to meeting.toml).

    The same copy is used on every start, so what was recorded is there after a restart
    or a crash. Its meeting.toml is refreshed from the bundled one only while nothing has
    been recorded (the journal refers to the items of the copy it was written against).
    """
    import shutil

    folder = example_workdir() / path.parent.name
    target = folder / MEETING_FILENAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fresh = not (folder / "journal.jsonl").exists()
        if fresh and (not target.is_file() or target.read_bytes() != path.read_bytes()):
            from namndtui.storage import atomic_write

            atomic_write(target, path.read_bytes())
    except OSError:
        # No writable data folder (read-only home): a private temporary copy instead.
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="namndtui-exempel-")) / path.parent.name
        folder.mkdir()
        shutil.copy2(path, folder / MEETING_FILENAME)
        target = folder / MEETING_FILENAME
    return target


def _meeting_app(file: Path, clock: Callable[[], dt.datetime] | None, *, note: str = "") -> Any:
    """Load the meeting now (its errors come before the app runs); the record is opened
    by the app right after its first frame (`NamndApp.open_record_now`)."""
    from namndtui.meetingfile import load_meeting

    meeting = load_meeting(file)  # MeetingFileError is a UserError
    folder = file.parent
    if not meeting.first_paragraph:  # § numbers continue the year, as `export` numbers them
        from namndtui.minutes.numbering import with_numbering

        meeting = with_numbering(meeting, folder)
    notes = [note.format(folder=folder)] if note else []
    if any(item.corrects for item in meeting.items):  # only then is the archive read
        from namndtui.minutes.corrects import warnings

        notes += warnings(meeting, folder)
    from namndtui.tui.app import NamndApp

    freeze_start_up()

    def open_record() -> Any:
        from namndtui.record.record import Record

        return _open_record(Record, meeting, folder, clock)

    return NamndApp(meeting, open_record=open_record, folder=folder, clock=clock, start_notes=notes)


_start_up_frozen = False


def freeze_start_up() -> None:
    """Move what start-up has allocated into the garbage collector's permanent generation
    (`gc.freeze`), once per process.

    By now Textual and namndtui are imported and the meeting is loaded: tens of thousands
    of objects (modules, classes, functions, the meeting) that live as long as the process.
    Left in the collector's generations, every full collection walks them again, and the
    first one fell right before the first frame (~15 ms of CPU; docs/performance.md,
    "Where the first frame went"). Frozen, they are not walked again, by that collection
    or by the full collections during the meeting. A frozen object is never freed, so this
    runs once per process, when the first app is built: in `namndtui` nothing has run yet
    then, and a full collection at that point finds nothing to free (checked on the
    example); a later call in a process that has run apps (the tests) would keep their
    garbage for good.
    """
    global _start_up_frozen
    if not _start_up_frozen:
        _start_up_frozen = True
        import gc

        gc.freeze()


def _open_record(record_cls: Any, meeting: Any, folder: Path, clock: Any) -> Any:
    from namndtui.tui import strings as S

    kwargs = {"clock": clock} if clock is not None else {}
    try:
        return record_cls.open(meeting, folder, **kwargs)
    except UserError:
        raise
    except OSError as err:
        raise UserError(S.OPEN_FAILED.format(path=folder, reason=os_reason(err)), 2) from None
    except Exception as err:  # JournalError and friends carry a Swedish message
        raise UserError(S.OPEN_FAILED.format(path=folder, reason=err), 2) from None


def _review_app(file: Path, clock: Callable[[], dt.datetime] | None) -> Any:
    from namndtui.minutes.protokoll_read import load_protokoll

    minutes = load_protokoll(file)
    from namndtui.meetingfile import MEETING_FILENAME
    from namndtui.minutes.revision import folder_seal_findings
    from namndtui.tui import strings as S
    from namndtui.tui.app import NamndApp

    freeze_start_up()
    # Beside its meeting.toml and journal, the justered minutes are cross-checked with
    # the journal's seal, as `validate` does; a file without a seal is said there, where
    # `namndtui export` can seal it (an archived protokoll alone has nothing to export).
    warnings = folder_seal_findings(file.parent)
    if minutes.unsealed and (file.parent / MEETING_FILENAME).is_file():
        warnings.append(S.UNSEALED.format(path=file))
    return NamndApp(
        minutes.meeting,
        state=minutes.state,
        folder=file.parent,
        review=True,
        clock=clock,
        start_warnings=warnings,
    )


def _archive_app(folder: Path) -> Any:
    from namndtui.tui.archive_app import ArchiveApp

    return ArchiveApp(folder)


def run(args: argparse.Namespace) -> int:
    import gc

    # No garbage collection until the first frame: start-up allocates tens of thousands of
    # objects that live as long as the process (modules, classes, widgets, styles), and
    # the collections until the first frame walk them in vain (~3 ms of the example's
    # first frame; docs/performance.md). The app turns the collector back on right after
    # its first frame (`NamndApp.on_mount`), or here if it never gets that far.
    gc.disable()
    try:
        from namndtui.settings import load_user_settings
        from namndtui.tui.usersettings import apply

        path = Path(args.path) if getattr(args, "path", None) else None
        config = getattr(args, "config", None)
        settings = load_user_settings(Path(config) if config else None)
        app = build_app(path)
        apply(app, settings)
        result = app.run()
    finally:
        gc.enable()
    return int(result) if isinstance(result, int) else (app.return_code or 0)
