"""The agenda and the selected item's sections (issue 2, item 5), and opening paths."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from namndtui.commands.open_app import build_app, example_meeting_path
from namndtui.errors import UserError
from namndtui.meetingfile import load_meeting
from namndtui.tui.app import NamndApp
from namndtui.tui.widgets.agenda import AgendaList
from namndtui.tui.widgets.item_view import ReportView

from .conftest import EXAMPLE, SEED_ID, tricky_meeting
from .helpers import screen_text


def run(coro):
    return asyncio.run(coro)


def test_example_path_is_bundled() -> None:
    assert example_meeting_path() == EXAMPLE
    assert EXAMPLE.is_file()


def test_agenda_is_a_virtual_list_and_first_item_is_current() -> None:
    async def go():
        app = NamndApp(load_meeting(EXAMPLE), write_minutes=False)
        async with app.run_test(size=(120, 36)) as pilot:
            agenda = app.screen.query_one(AgendaList)
            assert agenda.highlighted == 0
            assert agenda.option_count == len(app.meeting.items)
            assert app.screen.current_item.id == app.meeting.items[0].id
            assert not app.screen.query("ListView")
            await pilot.press("j", "j", "j")
            assert app.screen.current_item.id == SEED_ID
            await pilot.press("k")
            assert app.screen.current_item.id == app.meeting.items[2].id
            await pilot.press("down")
            text = screen_text(app)
            assert "Sammanfattning" in text
            assert "Förslag till beslut" in text
            assert "Dnr 503-412-07" in text

    run(go())


def test_section_jumps_scroll_the_report() -> None:
    async def go():
        app = NamndApp(load_meeting(EXAMPLE), write_minutes=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("j", "j", "j")
            report = app.screen.query_one(ReportView)
            assert report.scroll_y == 0
            await pilot.press("]")
            first = report.scroll_y
            assert first > 0
            await pilot.press("]")
            assert report.scroll_y > first
            await pilot.press("[")
            assert report.scroll_y == first
            # moving to another item starts its report at the top
            await pilot.press("j")
            assert report.scroll_y == 0

    run(go())


def test_user_text_is_never_markup() -> None:
    async def go():
        app = NamndApp(tricky_meeting(), write_minutes=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "Titel med [b]x[/b] och [/ och [red]röd[/red]" in text
            assert "Dnr [1]-[/]" in text
            assert "[link=x]länk[/link] och $variabel och [/" in text
            assert "Nämnden [b]fet[/b]" in text
            assert "Nämnden beslutar [b]inte[/b] något." in text

    run(go())


def test_help_screen_lists_every_fixed_key() -> None:
    async def go():
        app = NamndApp(load_meeting(EXAMPLE), write_minutes=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            assert "Tangenter" in screen_text(app)
            from namndtui.tui.screens.help import help_lines

            text = str(help_lines())
            for key in ("ctrl+z", "ctrl+y", "ctrl+p", "Bifall", "Votering", "Närvaro", "Jäv"):
                assert key in text
            for key in (
                "'b'",
                "'o'",
                "'y'",
                "'v'",
                "'r'",
                "'a'",
                "'n'",
                "'q'",
                "'?'",
                "'upp/ned, k/j'",  # k/j in the row of upp/ned (one row per action)
            ):
                assert key in text
            await pilot.press("escape")
            assert app.screen.__class__.__name__ == "MeetingScreen"

    run(go())


def test_quit_exits_zero() -> None:
    async def go():
        app = NamndApp(load_meeting(EXAMPLE), write_minutes=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("q")
        return app.return_code

    assert run(go()) == 0


@pytest.mark.parametrize(
    "name,setup",
    [
        ("missing", lambda p: p / "nope"),
        ("bad-toml", lambda p: [(p / "meeting.toml").write_text("x = [", "utf-8"), p][1]),
        ("binary", lambda p: [(p / "m.toml").write_bytes(b"\xff\xfe\x00"), p / "m.toml"][1]),
    ],
)
def test_bad_paths_are_one_line_user_errors(tmp_path: Path, name, setup) -> None:
    path = setup(tmp_path)
    with pytest.raises(UserError) as info:
        build_app(path)
    assert info.value.exit_code == 2
    assert "\n" not in info.value.message.strip() or name == "bad-toml"


def test_folder_without_meeting_is_the_archive(tmp_path: Path) -> None:
    from namndtui.commands.open_app import classify

    assert classify(tmp_path) == ("archive", tmp_path)
    try:
        app = build_app(tmp_path)  # built, not run (running needs a terminal)
    except UserError as err:  # the archive screen is not there: a clear Swedish line
        assert "meeting.toml" in err.message
    else:
        assert type(app).__name__ == "ArchiveApp"
