"""The meeting screen at 80x24, at 60x15 and after a resize: the agenda's OJ mark is never
cut (the row of the item with omedelbar justering shows it whole in the agenda pane)."""

from __future__ import annotations

import re

from namndtui.tui.widgets.agenda import AgendaList

from .conftest import SEED_ID
from .helpers import screen_text, until
from .test_recording import make_app, run


def agenda_text(app) -> str:
    """What the agenda pane shows, inside its border."""
    agenda = app.screen.query_one(AgendaList)
    region = agenda.content_region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


def test_the_oj_mark_is_whole_at_every_size(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            seed = [item.id for item in app.meeting.items].index(SEED_ID)
            await pilot.press(*["j"] * seed)

            def scrolled_to_it() -> bool:
                # asked again until it shows: a scroll asked before the resize's new layout
                # is done (a busy machine) goes to where the row was at the old width
                app.screen.query_one(AgendaList).scroll_to_highlight(top=True)
                return "Dnr 503" in agenda_text(app)

            for size in ((80, 24), (60, 15), (120, 36), (60, 15)):
                await pilot.resize_terminal(*size)
                await until(pilot, scrolled_to_it, f"the item with OJ scrolled into view {size}")
                text = agenda_text(app)
                assert re.search(r"(^|\s)OJ(\s|$)", text), (size, text)
                assert "Dnr 503-412-07" in text or "Dnr 503" in text and "…" in text

    run(go())
