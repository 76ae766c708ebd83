"""Textual's own texts in Swedish: the ctrl+c toast, the palette's "no matches", the theme
picker."""

from __future__ import annotations

import asyncio

from textual.command import CommandPalette

from namndtui.tui.palette import theme_picker

from .helpers import screen_text, until
from .test_snapshots import live_app


def test_ctrl_c_says_how_to_quit_in_swedish(tmp_path) -> None:
    async def go() -> None:
        app = live_app(tmp_path)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("ctrl+c")
            await until(pilot, lambda: app._notifications, "no notice")
            (notice,) = list(app._notifications)
            assert notice.title == "Vill du avsluta?"
            assert notice.message == "Tryck q för att avsluta."

    asyncio.run(go())


def test_palette_and_theme_picker_are_swedish(tmp_path) -> None:
    async def go() -> None:
        app = live_app(tmp_path)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("ctrl+p")
            await until(pilot, lambda: CommandPalette.is_open(app), "no palette")
            await pilot.press(*"xqzxqz")
            await until(pilot, lambda: "Inga träffar" in screen_text(app), "no 'Inga träffar'")
            assert "No matches" not in screen_text(app)
            await pilot.press("escape")
            await until(pilot, lambda: not CommandPalette.is_open(app), "palette still open")
            app.search_themes()
            await until(pilot, lambda: "Sök färgtema" in screen_text(app), "no theme picker")

    asyncio.run(go())


def test_theme_picker_placeholder() -> None:
    assert theme_picker()._placeholder == "Sök färgtema …"
