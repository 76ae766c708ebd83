"""The minutes worker renders a state nobody changes under it: it folds the journal's
entries into its own (record/replica.py) in its thread, while the secretary records."""

from __future__ import annotations

import copy
import threading

from .helpers import until
from .test_bugs_surface import writing_app
from .test_recording import SIZE, run


def test_acts_recorded_while_the_minutes_are_written_do_not_change_what_is_written(
    example_folder, clock, monkeypatch
) -> None:
    """The renderer is held inside the first write while three decisions are recorded;
    the state it was given is the same when it lets go, every write sees one state from
    start to end, and the acts recorded meanwhile are one more write, with every act
    (not one write per act, each waiting for the one before)."""
    held, release = threading.Event(), threading.Event()
    decided = lambda state: sum(1 for p in state.paragraphs.values() if p.decision)  # noqa: E731
    writes: list[tuple[bool, int]] = []  # (state unchanged during the write, § decided)

    def render(meeting, state, folder, **kwargs):
        at_start = copy.deepcopy(state)
        if not held.is_set():
            held.set()
            release.wait(60)
        writes.append((state == at_start, decided(state)))
        return []

    monkeypatch.setattr("namndtui.minutes.write.write_minutes", render)

    async def go():
        app = writing_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n", "A", "escape")  # the roll call: a write, held
            await until(pilot, held.is_set, "the first write")
            await pilot.press("b", "j", "b", "j", "b")
            await until(pilot, lambda: decided(app.state) == 3, "three decisions")
            release.set()
            asked = app._minutes_asked
            assert asked >= 4  # the roll call and each decision asked for the minutes
            await until(pilot, lambda: app._minutes_written == asked, "the latest write")
            assert writes == [(True, 0), (True, 3)]

    run(go())
