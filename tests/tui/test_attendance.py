"""The attendance screen (n): moving with j/k, who may serve for whom, the justering form."""

from __future__ import annotations

import asyncio

from textual.widgets import DataTable, Input

from namndtui.tui import strings as S
from namndtui.tui.modals.forms import JusteringModal, justering_time, valid_date

from .test_recording import make_app


def run(coro):
    return asyncio.run(coro)


def test_time_and_date_parsing() -> None:
    assert [justering_time(t) for t in ("15:00", "15.00", "1500", "15", "9", "", " 8.30 ")] == [
        "15:00", "15:00", "15:00", "15:00", "09:00", "", "08:30",
    ]  # fmt: skip
    assert [justering_time(t) for t in ("25.00", "15.0", "15:60", "kl 15", "15-00")] == [None] * 5
    assert valid_date("2007-10-30")
    assert not valid_date("2007-02-30") and not valid_date("2007-1-3") and not valid_date("")


def test_j_and_k_move_in_the_table(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n", "j", "j", "j", "k")
            table = app.screen.query_one(DataTable)
            assert table.cursor_row == 2
            await pilot.press("space")  # Johan Ekdahl, the third row
            assert app.state.present == {"Johan Ekdahl": True}

    run(go())


def test_serves_for_says_why_instead_of_an_empty_list(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("n", "A", "e")  # the chair: not an ersättare
            await pilot.pause()
            assert type(app.screen).__name__ == "AttendanceScreen"
            notices = [n.message for n in app._notifications]
            assert S.SERVES_NOT_SUBSTITUTE.format(who="Birgitta Hallenberg") in notices
            names = [m.name for m in app.meeting.members]
            for _ in range(names.index("Eva Strandberg")):
                await pilot.press("j")
            await pilot.press("e")  # every seat is filled: nobody to serve for
            await pilot.pause()
            assert type(app.screen).__name__ == "AttendanceScreen"
            assert S.SERVES_NO_SEAT in [n.message for n in app._notifications]
            assert app.state.serving_for == {}

    run(go())


def test_justering_form_keeps_what_was_typed_when_the_time_is_wrong(example_folder, clock):
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n", "t")
            await pilot.pause()
            await pilot.press(*"2007-10-30", "enter", *"25.00", "enter", *"Förvaltningen", "enter")
            await pilot.pause()
            assert isinstance(app.screen, JusteringModal)  # refused, still open
            assert S.BAD_TIME in str(app.screen.query_one("#form-error").render())
            assert app.focused.id == "time"
            values = [i.value for i in app.screen.query(Input)]
            assert values == ["2007-10-30", "25.00", "Förvaltningen"]
            assert app.state.justering_date == ""
            app.screen.query_one("#date", Input).value = "2007-10-32"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert "Datumet 2007-10-32 finns inte." in str(
                app.screen.query_one("#form-error").render()
            )
            app.screen.query_one("#date", Input).value = "2007-10-30"
            app.screen.query_one("#time", Input).focus()
            await pilot.pause()
            app.focused.value = "15.00"
            await pilot.press("enter", "enter")  # time → place → save
            await pilot.pause()
            assert type(app.screen).__name__ == "AttendanceScreen"
            state = app.state
            assert (state.justering_date, state.justering_time, state.justering_place) == (
                "2007-10-30", "15:00", "Förvaltningen",
            )  # fmt: skip
            await pilot.press("t")  # opens with what is recorded
            await pilot.pause()
            assert [i.value for i in app.screen.query(Input)] == [
                "2007-10-30", "15:00", "Förvaltningen",
            ]  # fmt: skip

    run(go())
