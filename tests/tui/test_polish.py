"""Polish found at 80x24: the prospective § in the header, short notices, fixed dialog
titles (every form's title on screen whatever field has focus)."""

from __future__ import annotations

import asyncio

from namndtui.tui.widgets.status import StatusLine

from .test_recording import make_app, present_all


def run(coro):
    return asyncio.run(coro)


def header(app) -> str:
    return app.screen.query_one(StatusLine).text


def test_header_shows_the_prospective_number_dim_until_the_item_is_called(
    example_folder, clock
) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "§ 120?" in header(app)
            status = app.screen.query_one(StatusLine)
            assert status._key[-1] is True  # prospective: drawn dim
            await pilot.press("j", "j", "j")
            assert "§ 123?" in header(app)
            await present_all(pilot)
            await pilot.press("b")  # decided out of order: it gets the next §, 120
            await pilot.pause()
            assert "§ 120 " in header(app) and "?" not in header(app).split("§ 120")[1][:2]
            assert status._key[-1] is False
            await pilot.press("k")  # the items above take 121, 122, 123 in agenda order
            assert "§ 123?" in header(app)
            await pilot.press("k", "k")
            assert "§ 121?" in header(app)

    run(go())
