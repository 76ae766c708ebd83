"""Issue 14, a property of slips: random keys (escape, enter, undo, q inside forms …) on a
meeting never leave a record the rules refuse on replay, never an implicit call of an
item without the act that brought it (an event out of agenda order no key asked for), and
never a traceback. Bounded: a dozen short sequences, so the suite stays quick."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from namndtui.meetingfile import load_meeting
from namndtui.record import events as ev
from namndtui.record.fold import apply_event, new_state
from namndtui.record.procedure import check

from .conftest import EXAMPLE, FixedClock
from .helpers import journal_events
from .test_recording import make_app

# Moving, the acts, the dialogs' answers and the keys a slip is made of.
KEYS = [
    "j", "k", "down", "up", "b", "e", "y", "w", "i", "f", "v", "c", "r", "a", "J", "t", "s",
    "o", "m", "A", "n", "space", "u", "1", "2", "3", "enter", "escape", "tab", "ctrl+z",
    "ctrl+y", "ctrl+s", "q", "x", "slash", "home", "end",
]  # fmt: skip
# Every sequence starts with the roll call half the time (so deciding acts get through).
START = st.sampled_from([(), ("n", "A", "escape")])


def replay_checked(folder: Path) -> list[ev.Event]:
    """The journal replayed with the rules checking every event (RuleError if refused)."""
    meeting = load_meeting(folder / "meeting.toml")
    state = new_state(meeting)
    events = [ev.from_dict(data) for data in journal_events(folder)]
    for seq, event in enumerate(events, start=1):
        check(meeting, state, event)
        apply_event(meeting, state, event, seq, "2007-10-23T19:00:00")
    return events


def implicit_calls_have_their_act(events: list[ev.Event]) -> None:
    """An ItemCalled is written with the act that called the item (the next event is
    about the same item); a MeetingOpened is `m` or comes with a call."""
    for n, event in enumerate(events):
        after = events[n + 1] if n + 1 < len(events) else None
        if isinstance(event, ev.ItemCalled):
            assert after is not None and getattr(after, "item", None) == event.item, (
                f"{event} without its act (then {after})"
            )


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(start=START, keys=st.lists(st.sampled_from(KEYS), min_size=1, max_size=24))
def test_random_keys_never_break_the_record(start, keys) -> None:
    folder = Path(tempfile.mkdtemp(prefix="slips-")) / "2007-10-23"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")

    async def go():
        app = make_app(folder, FixedClock())
        async with app.run_test(size=(100, 30)) as pilot:
            for key in [*start, *keys]:
                if not app.is_running:
                    break
                await pilot.press(key)
            if app.is_running:
                await pilot.pause()
        return app

    try:
        app = asyncio.run(go())  # a traceback in the app fails here
        assert app.return_code in (None, 0), app.return_code
        events = replay_checked(folder)
        implicit_calls_have_their_act(events)
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)
