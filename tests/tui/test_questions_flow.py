"""f and v walk the secretary through the questions in the order the chair puts them:
the återremiss first, on its own (with its own vote), then the main question."""

from __future__ import annotations

from namndtui.minutes.markdown import render_paragraph_markdown
from namndtui.record import events as ev
from namndtui.record.state import DECIDED, REFERRED_BACK
from namndtui.tui import strings as S

from .helpers import screen_text
from .live import (
    FORENINGSBIDRAG,
    ROLL_CALL,
    cast,
    live,
    motions,
    roll_call_at,
    run,
)


async def contested(pilot):
    """Roll call, the föreningsbidrag item; återremiss (Almqvist, y1), bifall (Hallenberg,
    y2), avslag (Ekdahl, y3). The item."""
    await pilot.press(*ROLL_CALL, *(["j"] * FORENINGSBIDRAG))
    await motions(pilot, ("Almqvist", 2), ("Hallenberg", 0), ("Ekdahl", 1))
    await pilot.pause()
    return pilot.app.screen.current_item


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def test_formal_question_voted_then_the_main_question(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await contested(pilot)
            await pilot.press("v")  # nothing put yet: the next question is asked first
            await pilot.pause()
            text = screen_text(app)
            assert "Avgöras i dag eller återremitteras?" in text
            assert "Huvudfrågan" in text  # what is still to be put is shown
            await pilot.press("enter")  # the chair finds: avgöras i dag
            await pilot.pause()
            assert "Votering begärs av" in screen_text(app)
            await pilot.press(*"Almqvist", "enter")  # who demands the vote; then the vote
            await pilot.pause()
            assert "Ja för: att ärendet ska avgöras i dag" in screen_text(app)
            await cast(pilot, "11111122222")  # 6–5 for deciding today
            await pilot.press("enter")
            await pilot.pause()
            para = app.state.paragraph(item.id)
            assert para.votes[0].question == "y1" and para.votes[0].winner == "today"
            assert any(
                m.startswith(f"§ {para.number}: nästa fråga (f): Huvudfrågan")
                for m in messages(app)
            )
            await pilot.press("f")
            await pilot.pause()
            assert "Huvudfrågan: förvaltningens förslag mot" in screen_text(app)
            await pilot.press("enter")  # förvaltningens förslag
            await pilot.pause()
            assert S.QUESTIONS_DONE.format(number=para.number) in messages(app)
            await pilot.press("b")
            await pilot.pause()
            para = app.state.paragraph(item.id)
            assert para.status == DECIDED and para.put == ["y1", "main"]
            md = render_paragraph_markdown(app.meeting, app.state, item.id)
            assert (
                "Ordföranden frågar om ärendet ska avgöras i dag eller återremitteras och "
                "finner att ärendet ska avgöras i dag."
            ) in md
            assert "Votering begärs av Per Almqvist (V)." in md
            assert "Ordföranden fastställer följande voteringsproposition: Ja-röst för att" in md
            assert "Med 6 ja-röster mot 5 nej-röster beslutar nämnden att ärendet ska" in md
            assert "Därefter ställer ordföranden proposition på förvaltningens förslag mot" in md

    run(go())


def test_a_formal_question_found_for_the_motion_ends_the_item(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await contested(pilot)
            await pilot.press("f", "down", "enter")  # ärendet ska återremitteras
            await pilot.pause()
            para = app.state.paragraph(item.id)
            assert para.status == REFERRED_BACK
            ends = S.ITEM_ENDS.format(number=para.number, outcome="återremitteras")
            assert ends in messages(app)
            await pilot.press("f")  # nothing more is put
            await pilot.pause()
            assert messages(app)[-1] == S.NO_QUESTION
            await pilot.press("b")  # the record refuses a decision
            await pilot.pause()
            assert app.state.paragraph(item.id).status == REFERRED_BACK

    run(go())


def test_a_single_bifall_needs_no_proposition(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await roll_call_at(pilot, FORENINGSBIDRAG)
            await motions(pilot, ("Hallenberg", 0))
            await pilot.press("v")
            await pilot.pause()
            assert messages(app)[-1] == S.VOTE_NOTHING
            await pilot.press("b")
            await pilot.pause()
            assert app.state.paragraph(item.id).status == DECIDED
            md = render_paragraph_markdown(app.meeting, app.state, item.id)
            assert "proposition" not in md

    run(go())


def test_g_records_a_justeringsanteckning(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            await pilot.press(*ROLL_CALL, "b")
            await pilot.pause()
            item = app.screen.current_item
            await pilot.press("g")  # no justerare chosen yet: said so
            await pilot.pause()
            assert messages(app)[-1] == S.ADJUSTMENT_NOTE_NO_ADJUSTERS
            assert app.apply(ev.AdjustersChosen(("Per Almqvist",)))
            await pilot.press("g", *"Beslutet återges inte ordagrant.", "enter")
            await pilot.pause()
            notes = app.state.paragraph(item.id).adjustment_notes
            assert [(n.by, n.text) for n in notes] == [
                ("Per Almqvist", "Beslutet återges inte ordagrant.")
            ]
            md = render_paragraph_markdown(app.meeting, app.state, item.id)
            assert "Per Almqvist (V) lämnar följande justeringsanteckning:" in md

    run(go())


def test_shift_f_records_who_presented_the_item(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await roll_call_at(pilot, FORENINGSBIDRAG)
            await pilot.press("F", "enter")  # optional: enter without a name skips
            await pilot.pause()
            assert app.state.paragraph(item.id).presenter == ""
            await pilot.press("F", *"Jonas Berglöf", "enter")
            await pilot.pause()
            para = app.state.paragraph(item.id)
            assert para.presenter == "Jonas Berglöf" and para.number is not None

    run(go())


def test_a_minority_refers_the_item_back_from_the_finding_form(example_folder, clock) -> None:
    """Where the body's rules give the minority right (meeting.toml minority_right), f
    offers "begärd av minoritet": the number who ask for it, and the item is återremitterat."""
    path = example_folder / "meeting.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("[meeting]\n", '[meeting]\nminority_right = ["återremiss"]\n', 1))

    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await roll_call_at(pilot, FORENINGSBIDRAG)
            # the motions as the form records them (cheaper)
            for motion, by, kind in (
                ("y1", "Per Almqvist", "återremiss"),
                ("y2", "Birgitta Hallenberg", "bifall"),
            ):
                assert await app.screen.record(item, ev.MotionMade(item.id, motion, by, kind))
            await pilot.press("f")
            await pilot.pause()
            assert "begärd av minoritet (minoritetsåterremiss)" in screen_text(app)
            await pilot.press("down", "down", "enter")
            await pilot.pause()
            assert "11 tjänstgör; minst 4, en tredjedel" in screen_text(app)
            await pilot.press("²", "enter")  # not a count (qa: it crashed the app)
            await pilot.pause()
            assert "11 tjänstgör; minst 4, en tredjedel" in screen_text(app)  # asked again
            await pilot.press("backspace", "4", "enter")
            await pilot.pause()
            para = app.state.paragraph(item.id)
            assert para.status == REFERRED_BACK and para.minority == {"y1": (4, 11)}
            md = render_paragraph_markdown(app.meeting, app.state, item.id)
            assert "Återremiss begärs av 4 av de 11 närvarande ledamöterna, minst en" in md

    run(go())
