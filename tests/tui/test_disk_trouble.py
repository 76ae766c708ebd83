"""Disk trouble in the TUI (tui/disk.py): injected OSErrors on the journal's writes.

Only descriptors of files inside the meeting folder fail, so a copy saved elsewhere (and
the test's own files) still write. Asserted: the act is kept and shown, the persistent
banner, the retry clearing it, ctrl+s writing a valid journal elsewhere, the quit dialog.
"""

from __future__ import annotations

import asyncio
import errno
import os
from pathlib import Path

import pytest

from namndtui.record.journal import replay
from namndtui.record.state import DECIDED
from namndtui.tui.disk import DiskBanner
from namndtui.tui.modals.dialogs import ErrorModal

from .helpers import journal_events, screen_text, until
from .test_snapshots import keys, live_app

SIZE = (80, 24)


def break_disk(monkeypatch, folder: Path, name: str, err: int) -> None:
    """os.<name> raises OSError(err) for files in `folder` (the journal), not elsewhere."""
    real = getattr(os, name)

    def broken(fd, *args, **kwargs):
        try:
            path = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            path = ""
        if path.startswith(str(folder)):
            raise OSError(err, os.strerror(err))
        return real(fd, *args, **kwargs)

    monkeypatch.setattr(os, name, broken)


async def start(pilot) -> None:
    # the meeting opened and the roll call taken (on disk: the disk still works)
    await pilot.press("m", "n", "A", "escape")


def banner(app) -> DiskBanner:
    return app.screen.query_one(DiskBanner)


@pytest.mark.parametrize(
    ("name", "err", "reason"),
    [
        ("fsync", errno.ENOSPC, "disken är full"),
        ("write", errno.EROFS, "skrivskyddat filsystem"),
        ("write", errno.EACCES, "åtkomst nekas"),
    ],
)
def test_unsaved_act_is_shown_with_a_persistent_banner_until_retried(
    tmp_path, monkeypatch, name, err, reason
):
    async def go():
        app = live_app(tmp_path)
        folder = app.folder
        async with app.run_test(size=SIZE) as pilot:
            await start(pilot)
            break_disk(monkeypatch, folder, name, err)
            await pilot.press("b", "j", "b")  # two decisions, neither on disk
            await pilot.pause()
            first, second = app.meeting.items[:2]
            assert app.state.paragraph(first.id).status == DECIDED  # kept and shown
            assert app.state.paragraph(second.id).status == DECIDED
            assert banner(app).display
            text = banner(app).text
            assert text.startswith("EJ SPARAT: 4 händelser väntar")  # 2 x (called, decided)
            assert reason in text and "ctrl+s" in text
            assert "EJ SPARAT" in screen_text(app)
            assert "decision_recorded" not in [e["type"] for e in journal_events(folder)]
            app.clear_notifications()
            await pilot.pause(0.2)
            assert banner(app).display  # persistent, not a notice
            app.disk.tick()  # the 5-second retry, still failing
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert banner(app).display
            monkeypatch.undo()  # the disk works again
            app.disk.tick()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not banner(app).display
            assert "Allt är sparat igen" in [n.message for n in app._notifications][-1]
            types = [e["type"] for e in journal_events(folder)]
            assert types.count("decision_recorded") == 2
            await pilot.press("q")
        assert app.return_code == 0

    asyncio.run(go())


def test_next_act_writes_the_waiting_ones_first(tmp_path, monkeypatch):
    async def go():
        app = live_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await start(pilot)
            break_disk(monkeypatch, app.folder, "fsync", errno.ENOSPC)
            await pilot.press("b")
            assert banner(app).display
            monkeypatch.undo()
            await pilot.press("j", "b")
            await pilot.pause()
            assert not banner(app).display
            assert [e["type"] for e in journal_events(app.folder)].count("decision_recorded") == 2
            await pilot.press("q")

    asyncio.run(go())


async def save_elsewhere_form(pilot, monkeypatch):
    """The meeting started, the disk full, an act kept unsaved: ctrl+s's form (its field)."""
    from textual.widgets import Input

    app = pilot.app
    await start(pilot)
    break_disk(monkeypatch, app.folder, "fsync", errno.ENOSPC)
    await pilot.press("b", "ctrl+s")
    await until(pilot, lambda: app.screen.query(Input), "the save-elsewhere form")
    return app.screen.query_one(Input)


def test_save_elsewhere_writes_a_valid_journal(tmp_path, monkeypatch):
    async def go():
        app = live_app(tmp_path)
        target = tmp_path / "usb"
        target.mkdir()
        async with app.run_test(size=SIZE) as pilot:
            field = await save_elsewhere_form(pilot, monkeypatch)
            assert field.value.endswith("m-journal.jsonl")  # a default to accept or edit
            field.value = str(target)
            await pilot.press("enter")
            await pilot.pause()
            saved = target / "journal.jsonl"
            assert saved.is_file()
            entries = replay(saved).entries
            assert [e for _, _, e in entries] == [e for _, _, e in app.record.events]
            assert "Journalen sparad i" in [n.message for n in app._notifications][-1]
            assert banner(app).display  # the meeting folder itself still waits
            monkeypatch.undo()
            await pilot.press("q")
        assert app.return_code == 0

    asyncio.run(go())


def test_save_elsewhere_to_a_missing_folder_says_why_and_stays(tmp_path, monkeypatch):
    async def go():
        app = live_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            field = await save_elsewhere_form(pilot, monkeypatch)
            field.value = str(tmp_path / "finns-inte" / "j.jsonl")
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ErrorModal), "the error dialog")
            assert "Kunde inte spara journalen i" in screen_text(app)
            assert not any("Journalen sparad i" in n.message for n in app._notifications)
            assert app.disk.unsaved and app.is_running  # the acts still wait, in memory
            monkeypatch.undo()

    asyncio.run(go())


def test_quit_with_unsaved_acts_asks_first(tmp_path, monkeypatch):
    async def go():
        app = live_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await start(pilot)
            break_disk(monkeypatch, app.folder, "fsync", errno.ENOSPC)
            await pilot.press("b", "q")
            await until(pilot, lambda: "Avsluta ändå" in screen_text(app), "the quit dialog")
            shown = screen_text(app)
            assert app.is_running
            assert "2 händelser finns bara i minnet" in shown and "disken är full" in shown
            assert "Avsluta ändå" in shown and "Försök spara igen" in shown
            await pilot.press("escape")  # stay
            await pilot.pause()
            assert app.is_running and banner(app).display
            await pilot.press("q")
            await pilot.pause()
            await pilot.press("enter")  # retry, still failing: a notice, the dialog again
            await until(
                pilot,
                lambda: any("Fortfarande inte sparat" in n.message for n in app._notifications),
                "the notice that the retry failed",
            )
            assert app.is_running
            assert "Fortfarande inte sparat" in [n.message for n in app._notifications][-1]
            monkeypatch.undo()
            await pilot.press("enter")  # retry works: quits as usual
            await pilot.pause()
        assert app.return_code == 0
        assert "decision_recorded" in [e["type"] for e in journal_events(app.folder)]

    asyncio.run(go())


def test_quit_anyway_says_what_is_lost(tmp_path, monkeypatch):
    async def go():
        app = live_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await start(pilot)
            break_disk(monkeypatch, app.folder, "fsync", errno.ENOSPC)
            await pilot.press("b", "q")
            await pilot.pause()
            await pilot.press("down", "down", "down", "enter")
            await pilot.pause()
        assert app.return_code == 1

    asyncio.run(go())


def test_disk_full_banner_80x24(snap_compare, tmp_path, monkeypatch):
    app = live_app(tmp_path)

    async def run(pilot) -> None:
        await start(pilot)
        break_disk(monkeypatch, app.folder, "fsync", errno.ENOSPC)
        await keys("b")(pilot)

    assert snap_compare(app, run_before=run, terminal_size=SIZE)


def test_minutes_files_never_say_what_the_journal_does_not(tmp_path, monkeypatch):
    """While the journal cannot be written (only it: the minutes files still can), the
    minutes are written from the acts on disk only, so quitting anyway (the acts lost)
    leaves protokoll.toml saying what the journal says; once the retry writes the acts,
    the minutes follow (QA: a decision lost with the journal stayed in the minutes)."""
    from namndtui.minutes.protokoll_read import load_protokoll

    from .test_bugs_surface import settle

    async def go():
        app = live_app(tmp_path)
        app.write_minutes_enabled = True
        folder = app.folder
        first = app.meeting.items[0].id

        def decided_in_minutes() -> bool:
            return load_protokoll(folder).state.paragraph(first).status == DECIDED

        async with app.run_test(size=SIZE) as pilot:
            await start(pilot)
            await settle(pilot, "minutes")
            journal = folder / "journal.jsonl"
            real = os.write

            def journal_fails(fd, *args, **kwargs):
                if os.readlink(f"/proc/self/fd/{fd}") == str(journal):
                    raise OSError(errno.EACCES, os.strerror(errno.EACCES))
                return real(fd, *args, **kwargs)

            monkeypatch.setattr(os, "write", journal_fails)
            await pilot.press("b")
            await settle(pilot, "minutes")
            assert app.state.paragraph(first).status == DECIDED and banner(app).display
            assert not decided_in_minutes()  # the journal does not hold it
            monkeypatch.undo()
            app.disk.tick()  # the retry writes it: the minutes follow
            await app.workers.wait_for_complete()
            await until(pilot, decided_in_minutes, "the decision in the minutes")
            await pilot.press("q")

    asyncio.run(go())


def test_the_quit_question_agrees_in_number():
    """Round 4: one unsaved act read "1 händelse … är inte sparade … går de förlorade"."""
    from namndtui.tui.disk import quit_title

    one = quit_title(1, "disken är full")
    assert "1 händelse finns bara i minnet och är inte sparad på disken (disken är full)" in one
    assert one.endswith("går den förlorad.")
    assert "2 händelser finns bara i minnet och är inte sparade" in quit_title(2, "x")
