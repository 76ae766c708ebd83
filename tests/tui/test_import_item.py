"""ctrl+o / palette: add an item from a file while preparing the meeting (issue 7)."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

from textual.widgets import Input

from namndtui.tui import strings as S
from namndtui.tui.modals.import_item import ImportItemModal
from namndtui.tui.screens.meeting import MeetingScreen

from .helpers import screen_text, until
from .test_recording import SIZE, make_app, run

# a copy of /work/shared/seeds/tjansteutlatande-hasselby-vallingby-2007.txt (as from a PDF)
SEED = Path(__file__).parent / "data" / "tjansteutlatande-hasselby-vallingby-2007.txt"


async def type_path(pilot, path: Path) -> None:
    await until(pilot, lambda: pilot.app.screen.query("#path"), "the import form composed")
    field = pilot.app.screen.query_one("#path", Input)
    field.value = str(path)
    await pilot.pause()
    await pilot.press("enter")
    parsing = [w for w in pilot.app.workers if w.group == "import"]  # a thread parses it
    if parsing:  # (an empty list would wait for every worker, the dialog's own included)
        await pilot.app.workers.wait_for_complete(parsing)
    await pilot.pause()


def test_ctrl_o_reads_shows_and_appends_the_item(example_folder, clock, tmp_path) -> None:
    report = tmp_path / "rapport.txt"
    shutil.copy(SEED, report)
    before = (example_folder / "meeting.toml").read_bytes()
    count = len(tomllib.loads(before.decode())["items"])

    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+o")
            await until(pilot, lambda: isinstance(app.screen, ImportItemModal), "the import form")
            await type_path(pilot, tmp_path / "finns-inte.txt")
            error = str(app.screen.query_one("#form-error").render())
            assert error.endswith("finns-inte.txt: filen finns inte")
            assert "filen finns" in screen_text(app)
            await type_path(pilot, report)
            shown = screen_text(app)
            assert "Ansökan till Länsstyrelsen" in shown  # the parsed title
            assert "Sammanfattning" in shown and "Förslag till beslut" in shown
            assert (example_folder / "meeting.toml").read_bytes() == before  # not yet
            await pilot.press("enter")  # confirm
            await until(pilot, lambda: isinstance(app.screen, MeetingScreen), "the form closed")
            data = tomllib.loads((example_folder / "meeting.toml").read_text("utf-8"))
            assert len(data["items"]) == count + 1
            added = data["items"][-1]
            # the example already has the seed: a new id, the same title
            assert added["id"] == "ansokan-till-lansstyrelsen-i-stockholms"
            assert added["title"].startswith("Ansökan till Länsstyrelsen")
            assert (example_folder / "meeting.toml").read_bytes().startswith(before)
            assert app.meeting.items[-1].id == added["id"]
            assert app.screen.current_item.id == added["id"]  # shown, last on the agenda
            assert app.record.meeting is app.meeting
            # the new item can be decided like any other
            await pilot.press("n", "A", "escape", "b")
            assert app.state.paragraph(added["id"]).decision

    run(go())


def test_import_is_refused_once_something_is_recorded(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n", "space", "escape")  # attendance is recorded
            await pilot.press("ctrl+o")
            await until(
                pilot,
                lambda: any(
                    "föredragningslistan ligger fast" in n.message for n in app._notifications
                ),
                "the refusal notice",
            )
            assert isinstance(app.screen, MeetingScreen)

    run(go())


def test_palette_offers_the_import_action(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"ärende från fil")
            # the palette's search runs in its own task: wait for the hit, not a fixed time
            await until(pilot, lambda: S.HELP_IMPORT[:20] in screen_text(app), "the palette's hit")
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ImportItemModal), "the import form")

    run(go())
