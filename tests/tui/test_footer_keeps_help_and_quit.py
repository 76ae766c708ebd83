"""The footer keeps `?` and `q` (the attendance screen: `esc`) at 60x15, at 80x24 and after
a resize (issue #18, #14)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from namndtui.tui import strings as S

from .test_recording import make_app, run


def shown_keys(app) -> list[str]:
    """The footer keys shown whole inside the screen's width."""
    width = app.screen.size.width
    return [
        key.key
        for key in app.screen.query(FooterKey)
        if key.display and key.region.width and key.region.right <= width
    ]


async def until_help_and_quit(pilot) -> list[str]:
    """Pause until `?` and `q` are shown whole (layout and the footer's fit are async)."""
    for _ in range(50):
        await pilot.pause()
        keys = shown_keys(pilot.app)
        if "question_mark" in keys and "q" in keys:
            return keys
    return shown_keys(pilot.app)


def test_help_and_quit_stay_in_the_footer_narrow_and_after_resize(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(60, 15)) as pilot:
            keys = await until_help_and_quit(pilot)
            assert {"question_mark", "q", "b"} <= set(keys)
            await pilot.resize_terminal(80, 24)
            keys = await until_help_and_quit(pilot)
            assert {"question_mark", "q", "b", "a", "n"} <= set(keys)  # all fit at 80
            await pilot.resize_terminal(60, 15)
            keys = await until_help_and_quit(pilot)
            assert {"question_mark", "q"} <= set(keys)

    run(go())


def test_the_attendance_footer_keeps_its_way_back_at_60x15(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(60, 15)) as pilot:
            await pilot.press("n")
            for _ in range(50):
                await pilot.pause()
                if "escape" in shown_keys(app):
                    break
            assert {"space", "escape"} <= set(shown_keys(app)), shown_keys(app)
            # the line of every key only where the table keeps room for its rows
            info = app.screen.query_one("#attendance-info")
            assert S.ATTENDANCE_KEYS not in str(info.render())
            await pilot.resize_terminal(80, 24)
            await pilot.pause()
            assert S.ATTENDANCE_KEYS in str(info.render())

    run(go())
