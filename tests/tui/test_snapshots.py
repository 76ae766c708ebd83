"""Snapshot tests of each screen and modal at 80×24 and 120×36 (clock fixed, no blink,
no notices: nothing a worker posts late is in a snapshot).

The record lives in a fixed folder path per test (tmp_path differs per run but is not
shown on screen); the clock is injected so "Sparat 19.00.05" is stable.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from namndtui.meetingfile import load_meeting
from namndtui.record.record import Record
from namndtui.tui.app import NamndApp

from .conftest import EXAMPLE, FixedClock, tricky_meeting
from .helpers import settle, without_notices

SIZES = [(80, 24), (120, 36)]


def live_app(tmp_path: Path) -> NamndApp:
    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    meeting = load_meeting(folder / "meeting.toml")
    clock = FixedClock()
    record = Record.open(meeting, folder, clock=clock)
    app = NamndApp(meeting, record=record, folder=folder, clock=clock, write_minutes=False)
    return app


async def no_blink(pilot) -> None:
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False
    await pilot.pause()


def keys(*press: str):
    """Press the keys with notices switched off (a worker posts them late, see
    `without_notices`), and wait until every key has been handled."""

    async def run(pilot) -> None:
        without_notices(pilot.app)
        await pilot.press(*press)
        await settle(pilot)
        await no_blink(pilot)

    return run


def _present(keys: list[str]) -> list[str]:
    return ["n", "A", "escape", *keys]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_meeting_screen_seed_item(snap_compare, tmp_path, size) -> None:
    assert snap_compare(live_app(tmp_path), run_before=keys(*["j", "j", "j"]), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_protokoll_view_after_decision(snap_compare, tmp_path, size) -> None:
    press = _present(["b", "j", "j", "j", "b", "p"])
    assert snap_compare(live_app(tmp_path), run_before=keys(*press), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_attendance_screen(snap_compare, tmp_path, size) -> None:
    assert snap_compare(
        live_app(tmp_path), run_before=keys(*["n", "A", "down", "u"]), terminal_size=size
    )


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_motion_modal(snap_compare, tmp_path, size) -> None:
    press = _present(["j", "j", "j", "j", "y", *"Alm"])
    assert snap_compare(live_app(tmp_path), run_before=keys(*press), terminal_size=size)


def test_vote_modal(snap_compare, tmp_path) -> None:
    press = _present(
        ["j", "j", "j", "j", "y", *"Hallenberg", "enter", "enter", "enter"]
        + [
            "y",
            *"Almqvist",
            "enter",
            "down",
            "enter",
            "enter",
            "v",
            "enter",
            "enter",
            "j",
            "j",
            "n",
        ]
    )
    assert snap_compare(live_app(tmp_path), run_before=keys(*press), terminal_size=(120, 36))


def test_decision_modal(snap_compare, tmp_path) -> None:
    press = _present(["j", "j", "j", "e"])
    assert snap_compare(live_app(tmp_path), run_before=keys(*press), terminal_size=(120, 36))


def test_reservation_modal_refusal(snap_compare, tmp_path) -> None:
    """After a 6–5 vote: the losing side offered, the others listed with the reason."""
    motions = ["y", *"Hallenberg", "enter", "enter", "enter"]
    motions += ["y", *"Almqvist", "enter", "down", "enter", "enter"]
    vote = ["v", "enter", "enter", *"11111122222", "enter"]  # the finding (y1), who demanded
    press = _present(["j"] * 4 + motions + vote + ["b", "r"])
    assert snap_compare(live_app(tmp_path), run_before=keys(*press), terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
def test_help_screen(snap_compare, tmp_path, size) -> None:
    assert snap_compare(live_app(tmp_path), run_before=keys(*["question_mark"]), terminal_size=size)


def test_readonly_markup_meeting(snap_compare) -> None:
    app = NamndApp(tricky_meeting(), write_minutes=False, clock=FixedClock())
    assert snap_compare(app, terminal_size=(80, 24))


def test_error_modal(snap_compare, tmp_path) -> None:
    app = live_app(tmp_path)

    async def show(pilot) -> None:
        without_notices(pilot.app)
        pilot.app.show_error("Kunde inte spara: No space left on device [/]")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=show)
