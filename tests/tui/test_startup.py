"""Start-up: the app paints the meeting first and opens the record right after.

`build_app` loads the meeting; the record (lock, journal replay) opens after the first
frame. A key before that opens it at once and acts on it; afterwards the status line
shows what the record says (quorum, saved time); a lock held elsewhere still opens the
meeting read-only with the reason.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
from pathlib import Path

import pytest

from namndtui.commands import open_app
from namndtui.commands.open_app import build_app
from namndtui.errors import UserError
from namndtui.meetingfile import load_meeting
from namndtui.record import events as ev
from namndtui.record.lock import LOCK_NAME
from namndtui.record.record import Record
from namndtui.tui.modals.once import SCREENS_CSS
from namndtui.tui.widgets.agenda import AgendaList

from .conftest import FixedClock
from .helpers import journal_events, screen_text, until

SIZE = (120, 36)


def run(coro):
    return asyncio.run(coro)


def record_roll_call_and_call(folder: Path, index: int) -> None:
    """A journal where everyone is present and agenda item `index` is current."""
    meeting = load_meeting(folder / "meeting.toml")
    record = Record.open(meeting, folder, clock=FixedClock())
    try:
        for member in meeting.seats:
            record.apply(ev.AttendanceSet(member=member.name, present=True))
        record.apply(ev.ItemCalled(item=meeting.items[index].id, at="19:05"))
    finally:
        record.close()


def test_record_opens_after_the_first_frame_and_status_shows_it(example_folder) -> None:
    record_roll_call_and_call(example_folder, 2)

    async def go():
        app = build_app(example_folder, clock=FixedClock())
        assert app.opening  # built: meeting loaded, record not opened yet
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: not app.opening, "the record opened after the first frame")
            assert app.record is not None and not app.readonly
            # the status line shows what the record says once its change is handled
            await until(pilot, lambda: "Beslutför 11/11" in screen_text(app), "the quorum shown")
            text = screen_text(app)
            assert "§ 120" in text and "Upprop" not in text
            # resuming: the record's current item is shown, as before the deferral
            assert app.screen.query_one(AgendaList).highlighted == 2
            await pilot.press("q")

    run(go())


def test_the_first_frame_numbers_from_the_meetings_first_paragraph(
    example_folder, monkeypatch
) -> None:
    async def go():
        app = build_app(example_folder, clock=FixedClock())
        monkeypatch.setattr(app, "call_after_refresh", lambda *a, **k: True)  # hold the open
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.opening  # painted from the meeting alone
            assert "§ 120?" in screen_text(app)  # the example starts at § 120, not § 1
            await pilot.press("q")

    run(go())


def test_a_key_before_the_record_is_open_acts_on_it(example_folder, monkeypatch) -> None:
    record_roll_call_and_call(example_folder, 2)

    async def go():
        app = build_app(example_folder, clock=FixedClock())
        # hold the deferred open back, as if the key came before it ran
        monkeypatch.setattr(app, "call_after_refresh", lambda *a, **k: True)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.opening and app.record is None  # painted from the meeting alone
            await pilot.press("j")  # opens the record, then moves from its current item
            assert not app.opening and app.record is not None
            assert app.screen.query_one(AgendaList).highlighted == 3
            await pilot.press("o")  # a recording key works on the opened record
            await until(pilot, lambda: "Sparat" in screen_text(app), "the saved time shown")
            await pilot.press("q")

    run(go())
    last = next(e for e in reversed(journal_events(example_folder)) if e["type"] != "act_grouped")
    third = load_meeting(example_folder / "meeting.toml").items[3].id
    assert last["type"] == "immediate_justification_set" and last["item"] == third


def test_lock_held_elsewhere_still_opens_read_only_with_the_reason(example_folder) -> None:
    lock = {"pid": 1, "host": "annan-dator", "time": "2007-10-23T18:55:00", "token": "x"}
    (example_folder / LOCK_NAME).write_text(json.dumps(lock), "utf-8")
    before = (example_folder / LOCK_NAME).read_bytes()

    async def go():
        app = build_app(example_folder, clock=FixedClock())
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: not app.opening, "the record opened after the first frame")
            assert app.readonly and "annan-dator" in app.readonly_reason
            assert app.screen.has_class("-readonly")
            await until(pilot, lambda: "SKRIVSKYDDAT" in screen_text(app), "read-only shown")
            await pilot.press("b")
            await until(
                pilot,
                lambda: any("annan-dator" in n.message for n in app._notifications),
                "a notice that names the computer holding the lock",
            )
            await pilot.press("q")

    run(go())
    assert (example_folder / LOCK_NAME).read_bytes() == before  # not taken over
    assert not (example_folder / "journal.jsonl").exists()


def test_outside_a_run_reading_the_record_opens_it(example_folder) -> None:
    """Callers of build_app that never run the app see the record as before."""
    app = build_app(example_folder, clock=FixedClock())
    assert app.opening
    assert app.record is not None and not app.opening and not app.readonly
    app.record.close()


def test_a_read_only_window_never_writes_the_minutes(example_folder) -> None:
    """Issue 20: a second, read-only window rewrote protokoll.toml/.md from its stale
    state when it quit (4 decided §§ on disk became 1). The writer decides after the
    reader opened; the reader quits; the writer's minutes stay as they are."""
    meeting = load_meeting(example_folder / "meeting.toml")
    writer = Record.open(meeting, example_folder, clock=FixedClock())
    reader_app = build_app(example_folder, clock=FixedClock())

    async def go():
        async with reader_app.run_test(size=SIZE) as pilot:
            await until(
                pilot, lambda: not reader_app.opening, "the record opened after the first frame"
            )
            assert reader_app.readonly
            from namndtui.minutes.write import write_minutes

            for member in meeting.seats:
                writer.apply(ev.AttendanceSet(member=member.name, present=True))
            for item in meeting.items[:4]:
                writer.apply(ev.ItemCalled(item=item.id))
                writer.apply(
                    ev.DecisionRecorded(item=item.id, points=item.proposed_decision or ("Bifall.",))
                )
            write_minutes(meeting, writer.state, example_folder)
            before = {p.name: p.read_bytes() for p in example_folder.glob("protokoll.*")}
            assert before
            await pilot.press("q")
        return before

    before = asyncio.run(go())
    after = {p.name: p.read_bytes() for p in example_folder.glob("protokoll.*")}
    assert after == before
    writer.close()


def test_the_collector_off_during_start_up_is_on_after_the_first_frame(example_folder) -> None:
    """`namndtui MEETING` turns the garbage collector off until the first frame
    (commands/open_app.run); the app turns it back on right after that frame."""

    async def go():
        app = build_app(example_folder, clock=FixedClock())
        gc.disable()  # as open_app.run leaves it when the app starts
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, gc.isenabled, "the collector on after the first frame")
            await pilot.press("q")

    try:
        run(go())
    finally:
        gc.enable()


def test_a_start_that_fails_leaves_the_collector_on(tmp_path) -> None:
    try:
        with pytest.raises(UserError):
            open_app.run(argparse.Namespace(path=str(tmp_path / "saknas"), config=None))
        assert gc.isenabled()
    finally:
        gc.enable()


def test_the_styles_of_the_dialogs_are_read_right_after_the_first_frame(example_folder) -> None:
    """Not before the first frame (test_import_hygiene pins that), and not when the first
    dialog opens either: a screen's CSS_PATH read then makes Textual parse all again."""

    async def go():
        app = build_app(example_folder, clock=FixedClock())
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app.stylesheet.has_source(SCREENS_CSS), "screens.tcss")
            await pilot.press("question_mark")
            await until(pilot, lambda: app.screen.query("#help-body"), "the help open")
            assert app.screen.query_one("#help-body").styles.max_width is not None
            await pilot.press("q")

    run(go())
