"""S marks the current item secret (and public again) before it is decided: the agenda
marks it, the report says "Sekretess" above the text, the journal has the act."""

from __future__ import annotations

import asyncio

from namndtui.tui import strings as S

from .helpers import journal_events, screen_text
from .test_recording import SIZE, make_app, present_all


def test_s_marks_and_unmarks_the_current_item(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            first = app.meeting.items[0]
            await pilot.press("S")
            para = app.state.paragraphs[first.id]
            assert para.secrecy == "OSL 26 kap. 1 §"
            assert para.number is None  # marking does not call the item
            assert journal_events(example_folder)[-1] == {
                "type": "secrecy_set", "item": first.id, "ground": "OSL 26 kap. 1 §",
            }  # fmt: skip
            text = screen_text(app)
            assert S.SECRECY_MARK in text
            assert "Sekretess (OSL 26 kap. 1 §)" in text
            await pilot.press("S")
            assert app.state.paragraphs[first.id].secrecy == ""
            text = screen_text(app)
            assert S.SECRECY_MARK not in text and "Sekretess (OSL" not in text
            # Once decided, the marking is refused with the reason.
            await pilot.press("S")
            await present_all(pilot)
            await pilot.press("b", "S")
            assert app.state.paragraphs[first.id].secrecy == "OSL 26 kap. 1 §"
            assert "redan avgjord" in [n.message for n in app._notifications][-1]
            await pilot.press("q")

    asyncio.run(go())
