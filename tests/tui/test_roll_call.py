"""Roll call one key away: a deciding key on a meeting without attendance asks first."""

from __future__ import annotations

from namndtui.record.state import DECIDED, TABLED
from namndtui.tui.modals.dialogs import ConfirmModal
from namndtui.tui.screens.attendance import AttendanceScreen
from namndtui.tui.screens.meeting import MeetingScreen

from .helpers import screen_text
from .test_recording import SIZE, make_app, run, types


def test_status_line_asks_for_the_roll_call_until_attendance_is_recorded(
    example_folder, clock
) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            assert "Upprop saknas – tryck n" in screen_text(app)
            await pilot.press("n", "space", "escape")  # one member marked: roll call begun
            assert "Upprop saknas" not in screen_text(app)
            assert "EJ BESLUTFÖR 1/11" in screen_text(app)

    run(go())


def test_b_on_a_fresh_meeting_enter_marks_every_seat_present_and_decides(
    example_folder, clock
) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            first = app.meeting.items[0]
            await pilot.press("b")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmModal)
            text = screen_text(app)
            assert "Ingen närvaro är registrerad" in text
            assert "[Enter] Ja / [Esc] Nej, öppna närvaron" in text
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            seats = [m.name for m in app.meeting.seats]
            assert all(app.state.present.get(name) is True for name in seats)
            substitutes = [m.name for m in app.meeting.substitutes]
            assert not any(app.state.present.get(name) for name in substitutes)
            para = app.state.paragraph(first.id)
            assert para.status == DECIDED
            assert types(example_folder) == (  # the first act opens the meeting too
                ["attendance_set"] * len(seats)
                + ["act_grouped"]  # the roll call: one act
                + ["meeting_opened", "item_called", "decision_recorded", "act_grouped"]
            )
            assert "Beslutför 11/11" in screen_text(app)

    run(go())


def test_escape_opens_attendance_and_records_nothing(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("b")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, AttendanceScreen)
            assert types(example_folder) == []
            await pilot.press("A", "escape")  # the secretary takes it here instead
            await pilot.press("b")
            assert app.state.paragraph(app.meeting.items[0].id).status == DECIDED

    run(go())


def test_table_on_a_fresh_meeting_asks_then_tables(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "t")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmModal)
            await pilot.press("enter")  # roll call
            await pilot.pause()
            await pilot.press("enter")  # bordlägg?
            await pilot.pause()
            item = app.meeting.items[1]
            assert app.state.paragraph(item.id).status == TABLED

    run(go())
