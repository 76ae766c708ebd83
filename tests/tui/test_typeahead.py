"""Type-ahead: keys typed while a form opens go into the form, never to the screen behind.

A burst like tmux's (or a fast typist on a slow machine): "y" and then "Almqvist" before
the motion form is on the screen. Before the hold, "A" adjourned the meeting and "q"
quit the app.
"""

from __future__ import annotations

import asyncio

from textual import events
from textual.widgets import Input

from namndtui.tui.modals.forms import MotionModal
from namndtui.tui.widgets.agenda import AgendaList

from .helpers import settle, until
from .test_recording import make_app, present_all


def burst(app, text: str) -> None:
    """Post every key at once, without waiting for the app between them."""
    for char in text:
        key = events.Key(char, char)
        key.set_sender(app)
        app._driver.send_message(key)  # as Pilot.press does, minus its wait after each key


def filter_typed(app, modal: type) -> str:
    """The form's filter field so far ("" until the form is on the screen and composed)."""
    if not isinstance(app.screen, modal):
        return ""
    found = app.screen.query("#filter")
    return found.first(Input).value if found else ""


def test_a_name_typed_right_after_y_goes_into_the_form(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await present_all(pilot)
            await pilot.press("m", "j", "j", "j", "j")  # the meeting is open: A would adjourn
            await pilot.pause()
            burst(app, "yAlmqvist")
            await until(
                pilot,
                lambda: not app.is_running or len(filter_typed(app, MotionModal)) >= 8,
                "the burst handled",
            )
            assert app.is_running  # "q" did not quit
            assert isinstance(app.screen, MotionModal)
            assert app.screen.query_one("#filter", Input).value == "Almqvist"
            assert app.state.breaks == []  # "A" did not adjourn

    asyncio.run(go())


def test_keys_after_a_refused_act_reach_the_screen(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await present_all(pilot)
            item = app.screen.current_item
            burst(app, "vj")  # a vote needs two motions: refused, no form; j moves on
            await pilot.pause(0.7)  # longer than the hold
            assert type(app.screen).__name__ == "MeetingScreen"
            assert app.screen.current_item != item

    asyncio.run(go())


def test_a_burst_of_moves_moves_as_often_as_typed(example_folder, clock) -> None:
    """A terminal delivers "jjj" in one read: each j moves one item. The keys after the
    first are held until it has settled and then replayed; a replayed key once carried the
    node that replayed it as its sender, so Textual stopped it before the app's bindings
    and two of the three moves were lost."""

    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            for _ in range(3):  # as the driver posts them: no sender
                app.post_message(events.Key("j", "j"))
            await settle(pilot)
            await settle(pilot)
            assert app.screen.query_one(AgendaList).highlighted == 3
            burst(app, "kk")  # as Pilot posts them: the app as sender
            await settle(pilot)
            await settle(pilot)
            assert app.screen.query_one(AgendaList).highlighted == 1

    asyncio.run(go())


def test_every_vote_key_of_a_burst_is_cast(example_folder, clock) -> None:
    """Votes typed faster than the app answers (a secretary calling the roll, tmux): the
    keys held while one settles are replayed and each casts its vote; before, a replayed
    key stopped bubbling at the dialog's screen and cast nothing (5 votes of 11)."""
    from .live import SIZE, start_vote

    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            item = await start_vote(pilot)
            burst(app, "12121212121")  # 1 ja, 2 nej (j/k only move)
            vote = app.state.paragraph(item.id).votes[0]
            for _ in range(200):  # until the app is idle with every key handled
                await pilot.pause()
                if not app.key_hold.held and not app.key_hold.holding and len(vote.votes) == 11:
                    break
                vote = app.state.paragraph(item.id).votes[0]
            assert vote.tally() == (6, 5, 0), vote.votes

    asyncio.run(go())


def test_an_app_is_not_kept_alive_by_its_key_hold() -> None:
    """A module-level map from app to KeyHold kept every app ever made alive (the hold
    refers to its app, so the weak key never died): under the test suite hundreds of apps
    with all their widgets, whose full garbage collections at the workers' exit outlasted
    xdist's shutdown wait (a KeyboardInterrupt in Hypothesis' gc callback)."""
    import gc
    import weakref

    from textual.app import App

    from namndtui.tui.typeahead import KeyHold, key_hold

    app = App()
    app.key_hold = KeyHold(app)  # as NamndApp has it
    assert key_hold(app) is app.key_hold and key_hold(App()) is None
    gone = weakref.ref(app)
    del app
    gc.collect()
    assert gone() is None
