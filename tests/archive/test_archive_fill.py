"""The meetings table is filled in two steps: a first screenful, the rest after a frame."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from tests.archive.helpers import small_archive
from textual.widgets import DataTable

from namndtui.tui.archive_app import ArchiveApp
from namndtui.tui.screens import archive as archive_screen


def cells(table: DataTable) -> list[tuple[str, str]]:
    return [
        (str(table.get_row_at(n)[0]), str(table.get_row_at(n)[1])) for n in range(table.row_count)
    ]


def test_the_rest_of_the_rows_follows_once_and_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive_screen, "FIRST_ROWS", 1)
    root = small_archive(tmp_path / "arkiv")

    async def go() -> None:
        app = ArchiveApp(root)
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            table = screen.query_one("#meetings", DataTable)
            expected = [(r.body, r.date) for r in screen.rows]
            assert len(expected) == 2 and cells(table) == expected
            # Two refills before a frame: the first one's pending rest must not be added.
            screen.refresh_meetings()
            screen.refresh_meetings()
            assert table.row_count == 1
            await pilot.pause()
            assert cells(table) == expected

    asyncio.run(go())
