"""Snapshots of Sal at 80×24 and 200×50: a vote running, and the result counted; the
chair's view (Ordförande) at 80×24 with its running tally.

The journal is written before the app starts and the app reads it once on mount (no
timer: poll_interval=None), so nothing arrives late; the screen holds no clock (every
time shown comes from the journal)."""

from __future__ import annotations

from pathlib import Path

import pytest

from namndtui.commands.follow import load_for_following
from namndtui.record.record import Record
from namndtui.tui.follow_app import FollowApp

from .conftest import Clock, opening, record_all, vote_demanded, votes_and_decision

SIZES = [(80, 24), (200, 50)]


def app_after(folder: Path, acts, layout: str = "sal") -> FollowApp:
    meeting, folder = load_for_following(folder)
    with Record.open(meeting, folder, clock=Clock()) as record:
        record_all(record, acts)
    return FollowApp(meeting, folder, layout=layout, poll_interval=None)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
def test_sal_vote_running(snap_compare, folder, size) -> None:
    app = app_after(folder, opening() + vote_demanded() + votes_and_decision()[:3])
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "200x50"])
def test_sal_vote_counted(snap_compare, folder, size) -> None:
    app = app_after(folder, opening() + vote_demanded() + votes_and_decision())
    assert snap_compare(app, terminal_size=size)


def test_ordforande_vote_running_80x24(snap_compare, folder) -> None:
    """The chair's running tally: ja, nej, avstår so far and the ballots not yet cast."""
    acts = opening() + vote_demanded() + votes_and_decision()[:3]
    assert snap_compare(app_after(folder, acts, "ordforande"), terminal_size=(80, 24))
