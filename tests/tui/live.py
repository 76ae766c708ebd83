"""The app on the example meeting under Pilot, and the opening moves the TUI tests share
(the roll call, going to an item, motions, a vote under way).

`async with live(example_folder, clock) as (app, pilot):` is the set-up of most tests;
`roll_call_at(pilot, FORENINGSBIDRAG)` takes the roll call (every seat present) and goes
to the contested item of the example.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Coroutine
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from namndtui.meetingfile import load_meeting
from namndtui.model import Item
from namndtui.record.record import Record
from namndtui.tui.app import NamndApp

from .helpers import journal_events

SIZE = (120, 36)
ROLL_CALL = ("n", "A", "escape")  # the attendance screen, every seat present, back
FORENINGSBIDRAG = 4  # index of "Fördelning av föreningsbidrag" in the example agenda


def make_app(folder: Path, clock) -> NamndApp:
    meeting = load_meeting(folder / "meeting.toml")
    record = Record.open(meeting, folder, clock=clock)
    return NamndApp(meeting, record=record, folder=folder, clock=clock, write_minutes=False)


@contextlib.asynccontextmanager
async def live(
    folder: Path, clock, size: tuple[int, int] = SIZE
) -> AsyncIterator[tuple[NamndApp, Pilot[int]]]:
    """The live app on the meeting in `folder`, running under Pilot."""
    app = make_app(folder, clock)
    async with app.run_test(size=size) as pilot:
        yield app, pilot


def run(coro: Coroutine[Any, Any, Any]) -> Any:
    return asyncio.run(coro)


def types(folder: Path) -> list[str]:
    return [e["type"] for e in journal_events(folder)]


async def present_all(pilot) -> None:
    """n, A (every seat present), escape."""
    await pilot.press(*ROLL_CALL)


async def roll_call_at(pilot, index: int = 0) -> Item:
    """The roll call, then down to the agenda's item `index`; that item."""
    await pilot.press(*ROLL_CALL, *(["j"] * index))
    await pilot.pause()
    return pilot.app.screen.current_item


async def motions(pilot, *specs: tuple[str, int]) -> None:
    """y for each (member filter, kind index in MOTION_KINDS order); an eget förslag
    (index 6) gets a text, which the record requires."""
    for who, kind_downs in specs:
        text = "Bidraget höjs till 100 000 kronor" if kind_downs == 6 else ""
        await pilot.press("y", *who, "enter", *(["down"] * kind_downs), "enter", *text, "enter")


async def start_vote(pilot, *, open_meeting: bool = False):
    """Roll call, the föreningsbidrag item, bifall (the chair, y1) and avslag (Almqvist,
    y2), then v with the suggested finding (y1): the vote modal is open. The item."""
    opening = ["m"] if open_meeting else []
    await pilot.press(*opening, *ROLL_CALL, *(["j"] * FORENINGSBIDRAG))
    item = pilot.app.screen.current_item
    await motions(pilot, ("Hallenberg", 0), ("Almqvist", 1))
    await pilot.press("v", "enter", "enter")  # the chair's finding (first suggested), the vote
    await pilot.pause()
    return item


async def cast(pilot, votes: str) -> None:
    """'1123…' (ja ja nej avstår …): one key per voter, top to bottom."""
    await pilot.press(*votes)
