"""Fixtures for the TUI tests: the example meeting, a tricky meeting, a fixed clock."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from namndtui.examples import example_meeting
from namndtui.model import Item, Meeting, Member

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_DIR = example_meeting().parent
EXAMPLE = EXAMPLE_DIR / "meeting.toml"
SEED_ID = "ansokan-lansstyrelsen"


class FixedClock:
    """A clock that moves one second per call, from 19:00:00 on the meeting day."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self.now = start or dt.datetime(2007, 10, 23, 19, 0, 0)

    def __call__(self) -> dt.datetime:
        value = self.now
        self.now += dt.timedelta(seconds=1)
        return value


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def example_folder(tmp_path: Path) -> Path:
    """A private copy of the example meeting folder (the record writes next to it)."""
    folder = tmp_path / "2007-10-23"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "meeting.toml")
    return folder


def tricky_meeting() -> Meeting:
    """User text that looks like markup must show as typed."""
    members = tuple(
        [Member("Anna [b]Ek[/b]", "M", "ordförande"), Member("Per [/ Ås", "V", "ledamot")]
        + [Member(f"Ledamot {n}", "S", "ledamot") for n in range(3)]
        + [Member("Ersättare [i]E[/i]", "MP", "ersättare")]
    )
    items = (
        Item(
            id="markup",
            title="Titel med [b]x[/b] och [/ och [red]röd[/red]",
            dnr="Dnr [1]-[/]",
            summary="Text med [link=x]länk[/link] och $variabel och [/",
            proposed_decision=("Nämnden beslutar [b]inte[/b] något.",),
        ),
        Item(id="tomt", title="Ärende utan text"),
    )
    return Meeting(
        body="Nämnden [b]fet[/b]", date=dt.date(2007, 10, 23), members=members, items=items
    )
