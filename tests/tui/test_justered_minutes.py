"""The TUI never rewrites justered minutes behind the journal's back (issue 20): with an
edited meeting.toml it writes nothing and says so (status line, and on quit)."""

from __future__ import annotations

from pathlib import Path

from tests.minutes import scenario as sc

from namndtui.cli import main
from namndtui.minutes.source import load_meeting_for_record
from namndtui.record.record import Record
from namndtui.tui.app import NamndApp

from .test_bugs_surface import settle
from .test_recording import SIZE, run


def _justered(tmp_path: Path) -> Path:
    folder = sc.copy_tree(tmp_path)
    meeting = load_meeting_for_record(folder / "meeting.toml")
    sc.record_meeting(folder, meeting, sc.meeting_events()).close()
    assert main(["export", str(folder), "--justerat", "2024-03-07"]) == 0
    return folder


def _app(folder: Path, clock) -> NamndApp:
    meeting = load_meeting_for_record(folder / "meeting.toml")
    record = Record.open(meeting, folder, clock=clock)
    return NamndApp(meeting, record=record, folder=folder, clock=clock, write_minutes=True)


def _minutes_note(folder: Path, clock, *, quit_after: bool = False) -> str:
    """The app's note after it writes the minutes once (and quits with q, if asked)."""
    notes = []

    async def go():
        app = _app(folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.schedule_minutes()
            await settle(pilot, "minutes")
            notes.append(app.minutes_note)
            if quit_after:
                await pilot.press("q")
        assert not quit_after or app.return_code == 0

    run(go())
    return notes[0]


def test_edited_meeting_toml_does_not_rewrite_justered_minutes(tmp_path, clock, capsys) -> None:
    folder = _justered(tmp_path)
    path = folder / "meeting.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("\nplace = ", '\nplace = "Annan lokal"\n#', 1),
        encoding="utf-8",
    )
    capsys.readouterr()
    minutes = (folder / "protokoll.toml").read_bytes()
    note = _minutes_note(folder, clock, quit_after=True)
    assert note.startswith("Protokollet är justerat och skrivs inte om")
    assert "sammanträdet: plats" in note and "export --force" in note
    assert (folder / "protokoll.toml").read_bytes() == minutes


def test_unchanged_justered_minutes_are_written_as_usual(tmp_path, clock) -> None:
    folder = _justered(tmp_path)
    assert _minutes_note(folder, clock) == ""
