"""Issue 14, point 11: the small wrongs (each picker says its own thing; the note's author
is picked like a member, with "annan" for anyone else)."""

from __future__ import annotations

from namndtui.tui.modals.forms import MemberPickModal, NoteModal

from .helpers import screen_text
from .live import (
    ROLL_CALL,
    live,
    motions,
    run,
)


def test_each_picker_says_its_own_thing_when_nobody_is_chosen(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            await pilot.press(*ROLL_CALL, "J")
            await pilot.pause()
            assert isinstance(app.screen, MemberPickModal)
            await pilot.press(*"zzzz", "enter")  # nobody matches
            await pilot.pause()
            text = screen_text(app)
            assert "Välj vem som är jävig." in text and "yrkar" not in text

    run(go())


def test_the_notes_author_is_a_member_or_annan(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            await pilot.press(*ROLL_CALL, "a")
            await pilot.pause()
            assert isinstance(app.screen, NoteModal)
            await pilot.press(*"Noterat", "enter", *"sjoberg", "enter")
            await pilot.pause()
            item = app.meeting.items[0].id
            assert [(n.by, n.text) for n in app.state.paragraph(item).notes] == [
                ("Karin Sjöberg", "Noterat")
            ]
            await pilot.press("a")
            await pilot.pause()
            await pilot.press(*"Också", "enter", *"S-gruppen", "down", "enter")
            await pilot.pause()
            notes = app.state.paragraph(item).notes
            assert (notes[-1].by, notes[-1].text) == ("S-gruppen", "Också")
            await pilot.press("a")
            await pilot.pause()
            await pilot.press(*"Nämndens", "enter", "enter")  # nobody: the board's own
            await pilot.pause()
            assert app.state.paragraph(item).notes[-1].by == ""

    run(go())


def test_the_status_line_says_avslutat_after_the_close(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock, (80, 24)) as (app, pilot):
            await pilot.press(*ROLL_CALL, "m", "m")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert app.state.closed_at
            assert "AVSLUTAT" in screen_text(app).splitlines()[0]

    run(go())


def test_attendance_says_at_which_paragraph(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock, (120, 36)) as (app, pilot):
            await pilot.press(*ROLL_CALL, "m", "b", "j", "n")
            await pilot.pause()
            text = screen_text(app)
            assert "registreras nu vid § 121" in text  # before the key
            await pilot.press("l")  # the chair leaves at § 121
            await pilot.pause()
            assert "lämnade vid § 121" in screen_text(app)

    run(go())


def test_the_vote_table_marks_who_serves_for_whom(example_folder, clock) -> None:

    async def go():
        async with live(example_folder, clock, (120, 36)) as (app, pilot):
            # every seat present but the chair's; Eva Strandberg (ersättare) serves for her
            await pilot.press("n", "A", "space")
            names = [m.name for m in app.meeting.members]
            await pilot.press(*(["down"] * names.index("Eva Strandberg")), "e", "enter")
            await pilot.pause()
            seat = app.state.serving_for.get("Eva Strandberg")
            assert seat
            await pilot.press("escape", *(["j"] * 4))
            await motions(pilot, ("Wahlström", 0), ("Almqvist", 1))
            await pilot.press("v", "enter", "enter")
            await pilot.pause()
            assert f"Eva Strandberg (ers. för {seat})" in screen_text(app)

    run(go())
