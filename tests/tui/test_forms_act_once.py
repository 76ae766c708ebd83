"""Every form acts once (issue 20): a doubled or tripled enter on a form's last field, a
key bounce or a busy event loop, records the act once and never closes a screen that is
not the form's (it raised ScreenStackError and quit the app, losing unsaved acts).

Keys arrive at 0–50 ms spacing: "burst" puts them all in the app's queue at once (what a
blocked event loop sees), 0 is one `pilot.press` after another, 20 and 50 pause the event
loop between them (Pilot's `wait:` keys; nothing is asserted on the wall clock)."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import pytest
from textual import events

from namndtui.meetingfile import load_meeting
from namndtui.record.record import Record
from namndtui.tui.app import NamndApp
from namndtui.tui.screens.meeting import MeetingScreen

from .conftest import FixedClock
from .helpers import journal_events

SIZE = (120, 36)
SETUP = ["n", "A", "escape", "j", "j", "j", "j"]  # everyone present, on föreningsbidrag

# form: (keys that fill it, the key that saves it, the event it records)
FORMS = {
    "note (a)": (["a", *"Anteckning", "enter", *"Per"], "enter", "note_added"),
    "motion (y)": (["y", *"Hallenberg", "enter", "enter", *"bifall"], "enter", "motion_made"),
    "återremiss (s)": (["s", *"Mer utredning"], "enter", "item_referred_back"),
    "bordläggning (t)": (["t"], "enter", "item_tabled"),
    "decision text (e)": (["b", "e", *" och mer"], "ctrl+s", "decision_recorded"),
    "jäv (J)": (["J", *"Tornberg", "enter"], "enter", "recused"),  # the substitute form
}
SPACINGS = [(2, "burst"), (3, "burst"), (2, 0), (3, 0), (2, 20), (3, 50)]


def make_app(folder: Path) -> NamndApp:
    meeting = load_meeting(folder / "meeting.toml")
    clock = FixedClock()
    record = Record.open(meeting, folder, clock=clock)
    return NamndApp(meeting, record=record, folder=folder, clock=clock, write_minutes=False)


def burst(app: NamndApp, *keys: str) -> None:
    """Queue the keys at once, as a terminal does while the event loop is busy."""
    for key in keys:
        character = {"enter": "\r", "space": " "}.get(key, key if len(key) == 1 else None)
        event = events.Key(key, character)
        event.set_sender(app)
        app._driver.send_message(event)


async def settle(pilot, done, rounds: int = 200) -> None:
    """Let the app work until `done()` (or give up after `rounds` idle waits)."""
    for _ in range(rounds):
        if done():
            return
        await pilot.pause(0.02)


def kinds(folder: Path) -> list[str]:
    return [e["type"] for e in journal_events(folder)]


async def save_repeatedly(pilot, save: str, times: int, spacing) -> None:
    if spacing == "burst":
        burst(pilot.app, *[save] * times)
        return
    gap = [f"wait:{spacing}"] if spacing else []
    keys = [save]
    for _ in range(times - 1):
        keys += [*gap, save]
    await pilot.press(*keys)


@pytest.mark.parametrize("form", list(FORMS))
def test_a_repeated_save_key_acts_once(example_folder: Path, form: str) -> None:
    """Each spacing on the next item of one app (one app per form keeps the test short)."""
    fill, save, kind = FORMS[form]

    async def go() -> None:
        app = make_app(example_folder)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*SETUP)
            for times, spacing in SPACINGS:
                await pilot.press("j", *fill)
                await settle(pilot, lambda: app.screen is not app.screen_stack[0])
                form_screen = app.screen
                before = kinds(example_folder).count(kind)
                await save_repeatedly(pilot, save, times, spacing)
                await settle(pilot, lambda: kinds(example_folder).count(kind) > before)  # noqa: B023
                await pilot.pause()
                case = f"{form}, {times}× at {spacing} ms"
                assert app.return_code is None and app.is_running, case  # no ScreenStackError
                assert form_screen.acted and form_screen not in app.screen_stack, case
                assert isinstance(app.screen_stack[0], MeetingScreen), case
                assert kinds(example_folder).count(kind) == before + 1, case
                while len(app.screen_stack) > 1:  # an enter that reached the screen behind
                    await pilot.press("escape")

    asyncio.run(go())


def _slow_fsync(monkeypatch) -> None:
    real = os.fsync

    def slow(fd: int) -> None:  # a slow disk: the event loop stalls while it syncs
        time.sleep(0.3)
        real(fd)

    monkeypatch.setattr(os, "fsync", slow)


@pytest.mark.parametrize("slow", [False, True], ids=["fast-disk", "slow-fsync"])
def test_typed_ahead_notes_land_in_their_own_fields(example_folder, monkeypatch, slow) -> None:
    """Two notes typed in one go while the loop is busy: each text and name stay in their
    note (the second note's text went into the first note's "Från" field)."""

    async def go() -> None:
        app = make_app(example_folder)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*SETUP)
            item = app.screen.current_item
            if slow:
                _slow_fsync(monkeypatch)
            burst(app, "a", *"Första", "enter", *"Per", "enter")
            burst(app, "a", *"Andra", "enter", *"Eva", "enter", "enter")
            notes = lambda: app.state.paragraph(item.id).notes  # noqa: E731
            await settle(pilot, lambda: len(notes()) >= 2)
            await pilot.pause()
            # the author is picked like a member (issue 14): "Per" is Per Almqvist
            assert [(n.text, n.by) for n in notes()] == [
                ("Första", "Per Almqvist"),
                ("Andra", "Eva Strandberg"),
            ]
            assert app.is_running and isinstance(app.screen, MeetingScreen)

    asyncio.run(go())


def test_a_dialog_never_closes_the_screen_above_it(example_folder) -> None:
    """A late dismiss of a form that is no longer on top (an error dialog came after it)
    does nothing: the error stays until the secretary closes it."""

    async def go() -> None:
        app = make_app(example_folder)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*SETUP, "a", *"Text", "enter")
            form = app.screen
            from namndtui.tui.modals.dialogs import ErrorModal

            error = ErrorModal("Disken är full")
            app.push_screen(error)
            await pilot.pause()
            form.dismiss(None)  # a queued enter of the form, handled late
            await pilot.pause()
            assert app.screen is error and not form.acted

    asyncio.run(go())
