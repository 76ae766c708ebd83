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


async def rows_filled(pilot, table: DataTable, count: int) -> None:
    """Wait (on the state, bounded) until the table holds `count` rows."""
    for _ in range(500):
        await pilot.pause()
        if table.row_count >= count:
            return
    raise AssertionError(f"{table.row_count} rows, not {count}")


def test_the_rest_of_the_rows_follows_once_and_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive_screen, "FIRST_ROWS", 1)
    root = small_archive(tmp_path / "arkiv")

    async def go() -> None:
        app = ArchiveApp(root)
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            screen = app.screen
            table = screen.query_one("#meetings", DataTable)
            await rows_filled(pilot, table, 2)  # the rest comes after a refresh
            expected = [(r.body, r.date) for r in screen.rows]
            assert len(expected) == 2 and cells(table) == expected
            # Two refills before a frame: the first one's pending rest must not be added.
            screen.refresh_meetings()
            screen.refresh_meetings()
            assert table.row_count == 1
            await rows_filled(pilot, table, 2)  # both pending rests ran by then, in order
            assert cells(table) == expected

    asyncio.run(go())
