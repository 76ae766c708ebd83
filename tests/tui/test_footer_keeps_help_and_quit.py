"""The footer keeps `?` and `q` at 60x15, at 80x24 and after a resize (issue #18)."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

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
