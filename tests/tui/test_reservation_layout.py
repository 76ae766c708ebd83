"""The reservation form at 80x24: the title stays in view whatever has focus."""

from __future__ import annotations

import asyncio

from .helpers import screen_text
from .test_snapshots import _present, live_app

MOTIONS = ["y", *"Hallenberg", "enter", "enter", "enter"]
MOTIONS += ["y", *"Almqvist", "enter", "down", "enter", "enter"]
VOTE = ["v", "enter", "enter", *"11111122222", "enter"]  # the finding (y1), who demanded, the vote


def test_title_stays_in_view_with_the_list_and_the_text_focused(tmp_path):
    async def go():
        app = live_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*_present(["j"] * 4 + MOTIONS + VOTE + ["b", "r"]))
            await pilot.pause()
            assert app.screen.focused.id == "filter"  # type to find who reserves
            assert "Reservation – § 120" in screen_text(app)
            await pilot.press("down", "down", "down", "down")  # down/up move the list
            await pilot.pause()
            assert "Reservation – § 120" in screen_text(app)
            chosen = app.screen.chosen_member()
            assert chosen not in (None, "Tomas Ljungdahl")  # moved off the first row
            await pilot.press("enter")  # to the text field
            await pilot.pause()
            assert app.screen.focused.id == "text"
            shown = screen_text(app)
            assert "Reservation – § 120" in shown and "Skriftlig reservation" in shown
            await pilot.press("enter")
            await pilot.pause()
            reservations = app.state.paragraph(app.screen.current_item.id).reservations
            assert [r.member for r in reservations] == [chosen]


def test_typing_a_name_finds_who_reserves(tmp_path):
    async def go():
        app = live_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press(*_present(["j"] * 4 + MOTIONS + VOTE + ["b", "r"]))
            await pilot.pause()
            await pilot.press(*"Leila", "enter", "enter")  # QA: this recorded the first row
            await pilot.pause()
            reservations = app.state.paragraph(app.screen.current_item.id).reservations
            assert [r.member for r in reservations] == ["Leila Haddad"]

    asyncio.run(go())
