"""Hostile user text (control characters, markup) shown literally and visibly in every
screen and modal, not only the meeting screen (tui/text.py)."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from namndtui.commands.open_app import build_app

from .helpers import screen_text

HOSTILE = Path(__file__).parents[1] / "data" / "hostile" / "meeting.toml"
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _app(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(HOSTILE, folder / "meeting.toml")
    return build_app(folder, clock=lambda: dt.datetime(2007, 10, 23, 19, 0))


@pytest.mark.parametrize(
    "keys",
    [
        ["y"],  # motion form: title from the item, every member's name
        ["n"],  # attendance: names, parties
        ["J"],  # recusal: member list
        ["a"],  # note form
        ["ctrl+p"],  # palette: item titles
    ],
    ids=["motion", "attendance", "recusal", "note", "palette"],
)
def test_screens_show_control_characters_as_pictures(tmp_path, keys):
    asyncio.run(_screens(tmp_path, keys))


async def _screens(tmp_path, keys):
    app = _app(tmp_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        shown = screen_text(app)
        assert RAW_CONTROL.search(shown) is None, repr(RAW_CONTROL.search(shown))
        assert "␛[31mröd" in shown
        assert app.is_running
    app.record.close()


def test_notices_show_control_characters_as_pictures(tmp_path):
    asyncio.run(_notices(tmp_path))


async def _notices(tmp_path):
    app = _app(tmp_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        app.notify("Fel i \x1b[2J titel [b]x[/b]", markup=False)
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages[-1] == "Fel i ␛[2J titel [b]x[/b]"
        assert not any(RAW_CONTROL.search(m) for m in messages)
    app.record.close()
