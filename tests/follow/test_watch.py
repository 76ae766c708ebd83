"""The journal watch (record/watch.py, inotify): told of the journal's changes, of nothing
else in the folder; polling where it cannot be trusted. And the app with the watch and
no poll to speak of follows the writer."""

from __future__ import annotations

import asyncio
import os

import pytest
from tests.tui.helpers import screen_text

from namndtui.commands.follow import load_for_following
from namndtui.record import watch as watch_module
from namndtui.record.journal import JOURNAL_NAME
from namndtui.record.watch import JournalWatch
from namndtui.tui.follow_app import FollowApp

from .conftest import opening, record_all, vote_demanded


@pytest.fixture
def watch(folder):
    opened = JournalWatch.open(folder, JOURNAL_NAME)
    if opened is None:
        pytest.skip("no inotify on this file system: the follower polls")
    yield opened
    opened.close()


def test_the_journal_changes_and_nothing_else(folder, watch, writer) -> None:
    assert not watch.changed()  # nothing happened yet
    (folder / "protokoll.md").write_text("x", encoding="utf-8")  # another file
    assert not watch.changed()
    record_all(writer, opening())  # the journal is created and appended to
    assert watch.changed()
    assert not watch.changed()  # read: the queue is empty again
    record_all(writer, vote_demanded()[:1])
    assert watch.changed()
    journal = folder / JOURNAL_NAME
    copy = folder / "kopia.jsonl"
    copy.write_bytes(journal.read_bytes())
    assert not watch.changed()
    os.replace(copy, journal)  # replaced under the same name
    assert watch.changed()
    journal.unlink()
    assert watch.changed()


def test_no_watch_on_a_network_file_system(folder, monkeypatch) -> None:
    monkeypatch.setattr(watch_module, "file_system_type", lambda _folder: "nfs4")
    assert JournalWatch.open(folder, JOURNAL_NAME) is None
    monkeypatch.setattr(watch_module, "file_system_type", lambda _folder: "")
    assert JournalWatch.open(folder, JOURNAL_NAME) is None  # unknown: poll


def test_the_app_follows_by_the_watch(folder, watch, writer) -> None:
    async def body() -> None:
        meeting, path = load_for_following(folder)
        app = FollowApp(meeting, path, poll_interval=3600)  # the watch, or nothing
        async with app.run_test(size=(100, 30)) as pilot:
            assert app.watch is not None
            record_all(writer, opening() + vote_demanded())
            for _ in range(500):  # until the view shows it (the loop reads the watch)
                if "Votering pågår" in screen_text(app):
                    break
                await pilot.pause(0.01)
            assert "Votering pågår" in screen_text(app)
        assert app.watch is None  # closed with the app

    asyncio.run(body())
