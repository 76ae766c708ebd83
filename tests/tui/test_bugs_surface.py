"""A bug in a worker (the minutes renderer, the report parser) shows the error modal or
the dialog's error line, by name; a disk error is the usual note. Nothing is passed off
as normal, nothing takes the meeting down."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from textual.widgets import Input

from namndtui.meetingfile import load_meeting
from namndtui.record.record import Record
from namndtui.tui.app import NamndApp
from namndtui.tui.modals.dialogs import ErrorModal
from namndtui.tui.modals.import_item import ImportItemModal

from .helpers import screen_text
from .test_recording import SIZE, run


def writing_app(folder: Path, clock) -> NamndApp:
    meeting = load_meeting(folder / "meeting.toml")
    record = Record.open(meeting, folder, clock=clock)
    return NamndApp(meeting, record=record, folder=folder, clock=clock, write_minutes=True)


async def settle(pilot, group: str) -> None:
    """Wait until the group's workers have ended (an errored worker included)."""
    for worker in [w for w in pilot.app.workers if w.group == group]:
        while not worker.is_finished:
            await pilot.pause()
    await pilot.pause()


def _raising(err: BaseException):
    def fail(*_args, **_kwargs):
        raise err

    return fail


def test_a_renderer_bug_in_the_minutes_worker_shows_the_error_modal(
    example_folder, clock, monkeypatch
) -> None:
    monkeypatch.setattr("namndtui.minutes.write.write_minutes", _raising(KeyError("x")))

    async def go():
        app = writing_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.schedule_minutes()
            await settle(pilot, "minutes")
            assert isinstance(app.screen, ErrorModal)
            shown = screen_text(app)
            assert "fel i programmet" in shown and "KeyError" in shown

    run(go())


def test_a_full_disk_is_a_note_not_a_bug(example_folder, clock, monkeypatch) -> None:
    full = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr("namndtui.minutes.write.write_minutes", _raising(full))

    async def go():
        app = writing_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.schedule_minutes()
            await settle(pilot, "minutes")
            assert not isinstance(app.screen, ErrorModal)
            assert app.minutes_note == "Protokollet kunde inte skrivas: disken är full"

    run(go())


def test_a_parser_bug_is_named_in_the_import_dialog(
    example_folder, clock, monkeypatch, tmp_path
) -> None:
    report = tmp_path / "rapport.txt"
    shutil.copy(
        Path(__file__).parent / "data" / "tjansteutlatande-hasselby-vallingby-2007.txt", report
    )
    monkeypatch.setattr(
        "namndtui.importing.import_item_from_file", _raising(IndexError("list index"))
    )

    async def go():
        app = writing_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+o")
            await pilot.pause()
            assert isinstance(app.screen, ImportItemModal)
            app.screen.query_one("#path", Input).value = str(report)
            await pilot.pause()
            await pilot.press("enter")
            await settle(pilot, "import")
            assert isinstance(app.screen, ImportItemModal)  # the meeting goes on
            error = str(app.screen.query_one("#form-error").render())
            assert "fel i programmet" in error and "IndexError: list index" in error

    run(go())
