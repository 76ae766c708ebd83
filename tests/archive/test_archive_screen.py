"""The archive screen: list, filters, search as you type, problems, open at a §; snapshots."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from tests.archive.helpers import BODY, make_minutes, small_archive, write
from tests.tui.helpers import drawn, screen_text, until
from textual.widgets import DataTable, OptionList

from namndtui.archive.index import Problem
from namndtui.commands.open_app import build_app
from namndtui.tui.archive_app import ArchiveApp
from namndtui.tui.screens.archive import (
    COUNTS,
    INDEXED,
    SEARCH_PLACEHOLDER,
    ArchiveReviewScreen,
    ArchiveScreen,
    counted,
    problem_reason,
    problems_note,
)


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = small_archive(tmp_path / "arkiv")
    bad = root / "trasig" / "protokoll.toml"
    bad.parent.mkdir()
    bad.write_text('format = "namndtui/protokoll/1"\n[meeting\n', encoding="utf-8")
    return root


async def settle(app, pilot) -> None:
    """Let the index worker, the debounce timer and the search worker finish: waits on the
    state (no worker running, no search waiting for its timer), not on a fixed time."""
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        pending = getattr(app.screen, "_search_timer", None) is not None
        # not is_running: a worker just started by the timer is still PENDING
        if not pending and all(w.is_finished for w in app.workers):
            break
        await pilot.pause(0.02)
    await pilot.pause()
    # what the workers' results caused: rows after the first screenful, the filter choices
    # (call_after_refresh), the tables' column widths (measured when idle), the layout and
    # repaint of the new text
    await until(pilot, lambda: shown(app.screen), "the archive screen fully drawn")


def shown(screen) -> bool:
    """drawn(), and every table has measured its new rows and cells (DataTable does it when
    idle: a look before that shows the columns as wide as their headings)."""
    tables = screen.query(DataTable)
    measured = all(not (t._require_update_dimensions or t._updated_cells) for t in tables)
    return measured and drawn(screen)


def test_problem_reason_drops_the_path_its_column_shows() -> None:
    folder = Path("/arkiv")
    located = Problem("trasig/protokoll.toml", "/arkiv/trasig/protokoll.toml:2: TOML-syntaxfel: x")
    assert problem_reason(located, folder) == "rad 2: TOML-syntaxfel: x"
    unlocated = Problem("tom/protokoll.toml", "tom/protokoll.toml: filen är tom")
    assert problem_reason(unlocated, folder) == "filen är tom"
    other = Problem("a/protokoll.toml", "åtkomst nekas")
    assert problem_reason(other, folder) == "åtkomst nekas"
    assert problems_note(1) == "1 fil kunde inte läsas – tryck f för att se den."
    assert problems_note(2).startswith("2 filer kunde inte läsas")
    assert COUNTS.format(**counted(1, 1)) == "1 sammanträde · 1 paragraf"
    assert INDEXED.format(**counted(2, 0)) == "Indexet är uppdaterat: 2 sammanträden, 0 paragrafer."


def test_problems_view_wraps_the_whole_reason_at_80_columns(archive: Path) -> None:
    async def go():
        app = ArchiveApp(archive)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("f")
            await until(pilot, lambda: shown(app.screen), "the problems drawn")
            text = " ".join(screen_text(app).split())
            # the whole reason, wrapped (it was cut at the screen's edge), without the
            # path repeated in front of it
            assert "trasig/protokoll.toml rad 2: TOML-syntaxfel:" in text
            assert "efter tabellens namn (kolumn 9)" in text

    run(go())


def test_namndtui_dir_opens_the_archive(archive: Path) -> None:
    app = build_app(archive)
    assert isinstance(app, ArchiveApp)


def test_meetings_listed_virtually_with_problems_noted(archive: Path) -> None:
    async def go():
        app = ArchiveApp(archive)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            table = app.screen.query_one("#meetings", DataTable)
            assert table.row_count == 2
            assert not app.screen.query("ListView")
            text = screen_text(app)
            assert "§§ 100–102" in text
            assert "1 fil kunde inte läsas" in text
            await pilot.press("f")
            text = screen_text(app)
            assert "trasig/protokoll.toml" in text
            assert "TOML-syntaxfel" in text
            await pilot.press("f")
            assert app.screen.query_one("#meetings", DataTable).has_focus

    run(go())


def test_filters_by_body_and_year(archive: Path) -> None:
    async def go():
        app = ArchiveApp(archive)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            screen = app.screen
            screen.query_one("#year").value = "2008"
            await pilot.pause()
            assert [r.body for r in screen.rows] == ["Kulturnämnden"]
            screen.query_one("#year").clear()
            screen.query_one("#body").value = BODY
            await pilot.pause()
            assert [r.date for r in screen.rows] == ["2007-09-25"]
            await pilot.press("slash", *"nämnd")
            await settle(app, pilot)
            assert {h.body for h in screen.hits} == {BODY}  # the filter applies to the search

    run(go())


def test_search_as_you_type_and_open_at_paragraph(archive: Path) -> None:
    async def go():
        app = ArchiveApp(archive)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            await pilot.press("slash", *"länsstyrelsen")
            await settle(app, pilot)
            screen = app.screen
            assert isinstance(screen, ArchiveScreen)
            assert [h.number for h in screen.hits] == [101]
            assert "1 träff" in screen_text(app)
            await pilot.press("enter")  # from the search box to the results
            assert screen.query_one("#results", OptionList).has_focus
            await pilot.press("enter")
            await pilot.pause()
            review = app.screen
            assert isinstance(review, ArchiveReviewScreen)
            assert review.current_item.id == "ansokan-lansstyrelsen"
            assert app.readonly and app.review
            await pilot.press("b")  # recording is refused in review
            await pilot.pause()
            assert app.state.paragraphs["ansokan-lansstyrelsen"].number == 101
            await pilot.press("escape")
            assert isinstance(app.screen, ArchiveScreen)
            await pilot.press("escape")  # clears the search, back to the meetings
            assert app.screen.query_one("#search").value == ""

    run(go())


def test_down_from_the_search_box_goes_to_the_results(archive: Path) -> None:
    async def go():
        app = ArchiveApp(archive)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("slash", *"länsstyrelsen")
            await settle(app, pilot)
            await pilot.press("down")
            assert app.screen.query_one("#results", OptionList).has_focus
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ArchiveReviewScreen)

    run(go())


def test_the_search_hint_reads_whole_at_80_and_120_columns_and_after_a_resize(
    archive: Path,
) -> None:
    """Beside the two selects the field was cut at 80 columns; narrower than the three
    need, the field takes a row of its own."""

    def whole(screen) -> bool:
        search, body, year = (screen.query_one(f"#{i}") for i in ("search", "body", "year"))
        regions = [w.region for w in (search, body, year)]
        apart = not any(a.overlaps(b) for a in regions for b in regions if a is not b)
        inside = all(screen.region.contains_region(r) for r in regions)
        text = screen_text(screen.app)
        return apart and inside and SEARCH_PLACEHOLDER in text and "Alla år" in text

    async def go():
        app = ArchiveApp(archive)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            assert whole(app.screen)
            for size in ((120, 36), (80, 24)):
                await pilot.resize_terminal(*size)
                await until(pilot, lambda: drawn(app.screen) and whole(app.screen), f"{size}")

    run(go())


def test_enter_on_a_meeting_opens_its_first_paragraph(archive: Path) -> None:
    async def go():
        app = ArchiveApp(archive)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            await pilot.press("down", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ArchiveReviewScreen)
            assert app.meeting.body == "Kulturnämnden"
            await pilot.press("q")  # q leaves the review, not the app
            assert isinstance(app.screen, ArchiveScreen)
            await pilot.press("q")
        assert app.return_code == 0

    run(go())


def test_bad_query_and_no_hit_are_status_lines(archive: Path) -> None:
    async def go():
        app = ArchiveApp(archive)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            await pilot.press("slash", *"typ:fika")
            await settle(app, pilot)
            assert "Sökningen kan inte tolkas" in screen_text(app)
            await pilot.press("escape")
            await pilot.press("slash", *"simhall")
            await settle(app, pilot)
            assert "Inga träffar." in screen_text(app)

    run(go())


def test_markup_in_titles_shows_as_typed(tmp_path: Path) -> None:
    items = [{"id": "x", "title": "Titel [b]fet[/b] och [/", "summary": "Text [red]x[/red]."}]
    write(tmp_path / "a" / "b", make_minutes("Nämnd [i]x[/i]", "2007-01-01", 1, items))

    async def go():
        app = ArchiveApp(tmp_path / "a")
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            assert "Nämnd [i]x[/i]" in screen_text(app)
            await pilot.press("slash", *"titel")
            await settle(app, pilot)
            assert "Titel [b]fet[/b] och [/" in screen_text(app)

    run(go())


def test_file_changed_after_indexing_is_an_error_modal(archive: Path) -> None:
    async def go():
        app = ArchiveApp(archive)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            (archive / "hasselby" / "2007-09-25" / "protokoll.toml").write_text("[x\n")
            await pilot.press("enter")
            await pilot.pause()
            assert "kunde inte öppnas" in screen_text(app)

    run(go())


# --- snapshots ----------------------------------------------------------------------------


def _snap_archive(tmp_path: Path) -> Path:
    root = small_archive(tmp_path / "arkiv")
    more = [
        {"id": f"a{n}", "title": f"Ärende {n} om förskolan", "dnr": f"3.1-{n}/2007"}
        for n in range(6)
    ]
    write(root / "hasselby" / "2007-06-12", make_minutes(BODY, "2007-06-12", 80, more))
    return root


async def _wait(pilot) -> None:
    await settle(pilot.app, pilot)
    # the rows after the first screenful and the filter choices come in call_after_refresh
    await until(pilot, lambda: shown(pilot.app.screen), "the archive screen fully drawn")


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_snapshot_meetings(snap_compare, tmp_path: Path, size) -> None:
    assert snap_compare(ArchiveApp(_snap_archive(tmp_path)), terminal_size=size, run_before=_wait)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_snapshot_results(snap_compare, tmp_path: Path, size) -> None:
    async def search(pilot) -> None:
        await _wait(pilot)
        await pilot.press("slash", *"nämnd typ:reservation")
        await _wait(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(ArchiveApp(_snap_archive(tmp_path)), terminal_size=size, run_before=search)


def test_snapshot_review_at_paragraph(snap_compare, tmp_path: Path) -> None:
    async def open_hit(pilot) -> None:
        await _wait(pilot)
        await pilot.press("slash", *"dnr:2.6-400/2007", "enter", "enter")
        await pilot.pause()

    assert snap_compare(
        ArchiveApp(_snap_archive(tmp_path)), terminal_size=(120, 36), run_before=open_hit
    )


def test_search_during_the_build_is_marked_incomplete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import namndtui.archive.build as build_module
    import namndtui.archive.index as index_module
    from namndtui.archive import ArchiveIndex

    root = small_archive(tmp_path / "arkiv")
    write(root / "z", make_minutes(BODY, "2009-01-01", 1, [{"id": "a", "title": "Sist"}]))
    monkeypatch.setattr(build_module, "COMMIT_EVERY", 1)
    reached, release = threading.Event(), threading.Event()

    def loader(path: Path):
        if path.parent.name == "z":  # the last file (path order): hold the build here
            reached.set()
            release.wait(30)
        return index_module.default_loader(path)

    async def status_of(app, pilot, want: str) -> str:
        for _ in range(200):  # wait on the state, not on time
            await pilot.pause(0.02)
            text = str(app.screen.query_one("#archive-status").render())
            if want in text:
                return text
        return text

    async def go():
        app = ArchiveApp(root, index=ArchiveIndex(root, loader=loader))
        async with app.run_test(size=(120, 36)) as pilot:
            assert await asyncio.to_thread(reached.wait, 30)
            await pilot.press("slash", *"nämnd")
            text = await status_of(app, pilot, "ofullständigt")
            assert "träff" in text and "ofullständigt: 2 av 3 protokoll" in text
            release.set()
            await settle(app, pilot)
            text = await status_of(app, pilot, "träff")
            assert "ofullständigt" not in text

    run(go())


def test_a_search_finds_minutes_written_since_the_screen_opened(archive: Path) -> None:
    """Each search runs the folder check first, as `namndtui search` does: minutes written
    (or removed) while the screen is open are found, and the meetings list follows."""

    async def go():
        app = ArchiveApp(archive)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            assert app.screen.query_one("#meetings", DataTable).row_count == 2
            items = [{"id": "simhall", "title": "Ny simhall i Hässelby strand", "dnr": "9/2009"}]
            write(archive / "hasselby" / "2009-03-03", make_minutes(BODY, "2009-03-03", 7, items))
            await pilot.press("slash", *"simhall")
            await settle(app, pilot)
            assert "Ny simhall i Hässelby strand" in screen_text(app)
            assert app.screen.query_one("#meetings", DataTable).row_count == 3

    run(go())


def test_letters_typed_right_after_slash_reach_the_search_box(archive: Path) -> None:
    """Round 4: "/delegation" typed in one go searched for "elegation": focus() moves the
    focus only after the keys already queued, so the first letter went to the table."""
    from textual import events

    async def go():
        app = ArchiveApp(archive)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            for key in ("slash", *"fritid"):  # queued at once, as a terminal delivers them
                event = events.Key(key, "/" if key == "slash" else key)
                event.set_sender(app)
                app._driver.send_message(event)
            search = app.screen.query_one("#search")
            await until(pilot, lambda: len(search.value) >= 5, "the letters in the search box")
            assert search.value == "fritid"

    run(go())
