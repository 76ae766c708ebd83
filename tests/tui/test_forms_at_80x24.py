"""Forms as a secretary meets them at 80x24: the field being typed in is in sight, and
the member pickers offer only those who serve on the item."""

from __future__ import annotations

import asyncio

from textual.widgets import OptionList, SelectionList

from namndtui.tui.modals.forms import MotionModal

from .test_recording import make_app, present_all


def run(coro):
    return asyncio.run(coro)


def in_sight(app, widget) -> bool:
    """The widget lies between the dialog's docked title and its docked button row."""
    dialog = app.screen.query_one(".dialog")
    title = app.screen.query_one(".dialog-title")
    buttons = app.screen.query_one(".dialog-buttons")
    region = widget.region
    return (
        region.height > 0
        and region.y >= title.region.bottom
        and region.bottom <= buttons.region.y
        and region.bottom <= dialog.region.bottom
    )


def test_the_motion_text_field_is_in_sight_when_it_gets_the_focus(example_folder, clock):
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await present_all(pilot)
            await pilot.press("j", "j", "y")
            await pilot.pause()
            await pilot.press(*"Ekd", "enter", "enter")  # member, kind → the text field
            await pilot.pause()
            assert isinstance(app.screen, MotionModal)
            assert app.focused is not None and app.focused.id == "text"
            assert in_sight(app, app.focused)
            await pilot.press("tab")  # who joins
            await pilot.pause()
            assert app.focused.id == "joined" and in_sight(app, app.focused)

    run(go())


def test_pickers_offer_only_those_serving(example_folder, clock):
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await present_all(pilot)
            # The chair is away; Eva Strandberg (M, ersättare) serves for her.
            await pilot.press("n", "space")  # the cursor starts on the chair
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("y")
            await pilot.pause()
            names = [str(o.prompt) for o in app.screen.query_one("#members", OptionList).options]
            assert not any("Hallenberg" in n for n in names)  # absent
            assert not any("Strandberg" in n for n in names)  # ersättare, not serving
            assert any("Wahlström" in n for n in names)
            assert len(names) == 10
            joined = app.screen.query_one("#joined", SelectionList)
            assert joined.option_count == 10

    run(go())
