"""Screens ask, the app records: every act of the meeting screen and the vote dialog is
posted to the app as `ActsRequested` (tui/messages.py), decided there on the state it is
applied to, and acknowledged on screen only once it is on disk."""

from __future__ import annotations

import asyncio

from namndtui.record.journal import JournalError
from namndtui.tui.modals.dialogs import ErrorModal

from .helpers import journal_events
from .test_recording import make_app, present_all
from .test_typeahead import burst


def test_acts_typed_in_a_burst_are_recorded_in_the_order_typed(example_folder, clock) -> None:
    """Each key posts its act to the app (ActsRequested), which decides the events on the
    state it applies them to: "bjbjob" decides three items in agenda order (one call and
    one § number each, OJ on the third before its decision), and each acknowledgement
    comes after its act is on disk, in the same order."""

    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await present_all(pilot)
            ids = [item.id for item in app.meeting.items[:3]]
            burst(app, "bjbjob")
            decided = lambda: [i for i in ids if app.state.paragraph(i).decision]  # noqa: E731
            for _ in range(200):
                await pilot.pause()
                if len(decided()) == 3 and not app.key_hold.held:
                    break
            kinds = ("item_called", "immediate_justification_set", "decision_recorded")
            acts = [(e["type"], e.get("item")) for e in journal_events(example_folder)]
            assert [a for a in acts if a[0] in kinds] == [
                ("item_called", ids[0]),
                ("decision_recorded", ids[0]),
                ("item_called", ids[1]),
                ("decision_recorded", ids[1]),
                ("item_called", ids[2]),
                ("immediate_justification_set", ids[2]),
                ("decision_recorded", ids[2]),
            ]
            assert [app.state.paragraph(i).number for i in ids] == [120, 121, 122]
            notices = [n.message for n in app._notifications if "beslut" in n.message]
            assert notices == [f"§ {n}: beslut enligt förslaget" for n in (120, 121, 122)]

    asyncio.run(go())


def test_an_act_the_journal_could_not_take_is_not_acknowledged(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await present_all(pilot)

            def broken(event):
                raise JournalError("journalen gick inte att skriva")

            app.record.apply = broken  # type: ignore[method-assign]
            app.clear_notifications()
            await pilot.press("b")
            for _ in range(50):
                await pilot.pause()
                if isinstance(app.screen, ErrorModal):
                    break
            assert isinstance(app.screen, ErrorModal)
            assert not any("beslut" in n.message for n in app._notifications)
            assert not app.state.paragraph(app.meeting.items[0].id).decision

    asyncio.run(go())
