"""Polish found at 80x24: the prospective § in the header, short notices, fixed dialog
titles (every form's title on screen whatever field has focus)."""

from __future__ import annotations

import asyncio

from namndtui.record import events as ev
from namndtui.tui import strings as S
from namndtui.tui.widgets.status import StatusLine

from .helpers import screen_text, until
from .test_recording import make_app, present_all


def run(coro):
    return asyncio.run(coro)


def header(app) -> str:
    return app.screen.query_one(StatusLine).text


def test_header_shows_the_number_a_form_will_use_dim_until_the_item_is_called(
    example_folder, clock
) -> None:
    """A pending item's § in the header is the one it gets when recorded now, the one its
    forms name (not its place in agenda order: an item taken out of order gets the next)."""

    async def form_title(pilot) -> str:
        await pilot.press("F")  # föredragande: a form that names the §, records nothing
        await pilot.pause()
        title = str(app.screen.query_one(".dialog-title").render())
        await pilot.press("escape")
        await pilot.pause()
        return title

    async def go():
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "§ 120?" in header(app)
            status = app.screen.query_one(StatusLine)
            assert status._key[-1] is True  # prospective: drawn dim
            await pilot.press("j", "j", "j")  # the fourth item, taken first: § 120
            assert "§ 120?" in header(app)
            assert await form_title(pilot) == S.PRESENTER_TITLE.format(number=120)
            await present_all(pilot)
            await pilot.press("b")  # decided out of order: it gets the next §, 120
            await pilot.pause()
            assert "§ 120 " in header(app) and "?" not in header(app).split("§ 120")[1][:2]
            assert status._key[-1] is False
            await pilot.press("k")  # any pending item now gets 121
            assert "§ 121?" in header(app)
            assert await form_title(pilot) == S.PRESENTER_TITLE.format(number=121)
            await pilot.press("k", "k")
            assert "§ 121?" in header(app)

    app = make_app(example_folder, clock)
    run(go())


def test_at_80_columns_the_body_gives_way_and_the_date_stays_whole(example_folder, clock) -> None:
    """qa4: at 80x24 the header read "Hässelby-Vällingby stadsdelsnämnd · 2…": the date
    of the meeting was the part cut."""

    async def go():
        async with app.run_test(size=(80, 24)) as pilot:
            await present_all(pilot)
            await pilot.pause()
            line = screen_text(app).splitlines()[0]
            assert "· 2007-10-23" in line, line
            assert "Hässelby-Vällingby" in line and "…" in line, line
            assert "Beslutför 11/11" in line, line

    app = make_app(example_folder, clock)
    run(go())


# --- every form's title in view at 80x24, whatever field has focus -------------------------

SMALL = (80, 24)
SEED_ITEM = ["j", "j", "j"]  # the seed item: the longest title of the example


async def record_motions(app) -> None:
    """Bifall by Hallenberg (y1), avslag by Almqvist (y2), as the motion form records them
    (typed in test_recording; events here, the key presses would take seconds)."""
    item = app.screen.current_item
    for motion, by, kind in (
        ("y1", "Birgitta Hallenberg", "bifall"),
        ("y2", "Per Almqvist", "avslag"),
    ):
        assert await app.screen.record(
            item, ev.MotionMade(item=item.id, motion=motion, by=by, kind=kind)
        )


def title_in_view(app, form: str) -> None:
    """The dialog's title is on the screen (region within it) and its text is drawn."""
    screen = app.screen
    title = screen.query_one(".dialog-title")
    region = title.region
    assert region.height > 0 and screen.region.contains_region(region), form
    dialog = screen.query_one(".dialog")
    assert dialog.region.contains_region(region), form
    first_line = str(title.render()).splitlines()[0][:25]
    assert first_line in screen_text(app), (form, first_line)
    focused = screen.focused
    if focused is not None:  # the focused field is visible too, not under the title
        assert focused.region.overlaps(dialog.region), (form, focused)
        assert not focused.region.intersection(region), (form, focused)
        buttons = screen.query(".dialog-buttons")
        if buttons and focused not in buttons.first().query("*"):  # nor under the buttons
            assert not focused.region.intersection(buttons.first().region), (form, focused)


async def every_field(pilot, form: str, fields: int) -> list[str]:
    """Tab once round the dialog's fields, checking the title at each."""
    seen = []
    for _ in range(fields + 1):
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()  # focus scrolls the dialog, animated
        title_in_view(pilot.app, form)
        focused = pilot.app.screen.focused
        seen.append(focused.id or type(focused).__name__ if focused else "")
        pilot.app.screen.focus_next()  # as tab, without the Pilot's wait for idle
    await pilot.pause()
    return seen


async def check(pilot, form: str, open_keys: list[str], fields: int) -> set[str]:
    await pilot.press(*open_keys)
    await pilot.pause()
    seen = set(await every_field(pilot, form, fields))
    await pilot.press("escape")
    await pilot.pause()
    return seen


def test_forms_keep_their_title_in_view_at_80x24(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SMALL) as pilot:
            await present_all(pilot)
            await pilot.press(*SEED_ITEM)
            await pilot.press("y")  # opens at its top: the first field's label shows too
            await pilot.pause()
            assert S.MOTION_MEMBER[:30] in screen_text(app)
            await pilot.press("escape")
            seen = await check(pilot, "motion", ["y"], 7)
            assert {"filter", "members", "kind", "text", "joined"} <= seen
            assert "save" in seen and "cancel" in seen
            # the author is a member picker now (a filter over the list, "annan: …" for others)
            assert {"text", "filter", "members"} <= await check(pilot, "note", ["a"], 5)
            assert "decision-text" in await check(pilot, "decision", ["e"], 3)
            assert {"filter", "members"} <= await check(pilot, "recusal", ["J"], 4)
            assert "text" in await check(pilot, "refer back", ["s"], 3)
            await record_motions(app)
            await check(pilot, "join: which motion", ["i"], 1)
            assert {"filter", "members"} <= await check(pilot, "join: who", ["i", "enter"], 4)
            await check(pilot, "withdraw", ["w"], 1)
            await check(pilot, "finding", ["f"], 1)
            item = app.screen.current_item  # the chair finds for y1: Almqvist may reserve
            assert await app.screen.record(item, ev.QuestionDecided(item.id, "main", "proposal"))
            assert await app.screen.record(item, ev.DecisionRecorded(item=item.id, points=("Ja.",)))
            await pilot.pause()
            assert {"members", "text"} <= await check(pilot, "reservation", ["r"], 4)
            await pilot.press("j")  # the vote on the next item
            await record_motions(app)
            assert "vote-table" in await check(
                pilot, "vote", ["v", "enter", "enter"], 1
            )  # finding, who demanded, vote
            await check(pilot, "justering", ["n", "t"], 3)
            await pilot.press("escape")  # the attendance screen
            await pilot.pause()
            # the chair away, the first ersättare (Eva Strandberg, row 12) serves for her
            serves_for = ["n", "space", *["j"] * 11, "e"]
            assert {"filter", "members"} <= await check(pilot, "serves for", serves_for, 4)

    run(go())


def test_import_dialog_keeps_its_title_in_view_at_80x24(example_folder, clock) -> None:
    from .test_import_item import SEED, type_path

    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("ctrl+o")
            await type_path(pilot, SEED)  # the preview of the parsed item is shown
            assert "Sammanfattning" in screen_text(app)
            await every_field(pilot, "import", 4)
            assert "Lägg till" in screen_text(app)  # the buttons too

    run(go())


# --- notices: routine ones short and brief, warnings longer -------------------------------


def test_routine_notices_are_one_line_and_brief_warnings_stay_longer(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("b", "enter")  # roll call, then the decision
            # the decision's notice is posted by the form's worker once the act is on disk
            await until(pilot, lambda: len(app._notifications) >= 2, "two routine notices")
            notices = list(app._notifications)
            assert [n.message for n in notices] == [
                "Upprop: 11 ordinarie närvarande",
                "§ 120: beslut enligt förslaget",
            ]
            assert all(n.timeout <= 3 for n in notices)
            assert all(len(n.message) <= 37 for n in notices)  # one line in a toast at 80
            await pilot.press("v")  # refused: a warning with its reason, longer
            await until(
                pilot,
                lambda: list(app._notifications)[-1].severity == "warning",
                "the refusal's warning",
            )
            warning = list(app._notifications)[-1]
            assert warning.severity == "warning" and warning.timeout == 8

    run(go())
