"""Issue 14: a secretary's slips never change the record unseen (one test per defect)."""

from __future__ import annotations

from namndtui.record import acts
from namndtui.record import events as ev
from namndtui.tui.modals.dialogs import ConfirmModal
from namndtui.tui.modals.vote import VoteModal
from namndtui.tui.screens.attendance import AttendanceScreen

from .helpers import screen_text, until
from .live import (
    ROLL_CALL,
    cast,
    live,
    run,
    start_vote,
    types,
)

# --- 1 the vote dialog's keys ------------------------------------------------------------


def test_moving_in_the_vote_dialog_never_votes(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await start_vote(pilot)
            assert isinstance(app.screen, VoteModal)
            await pilot.press("j", "j", "k", "down", "up", "n", "a")  # move; n/a do nothing
            vote = app.state.paragraph(item.id).votes[0]
            assert vote.votes == {}
            assert "vote_cast" not in types(example_folder)
            text = screen_text(app)
            assert "1 = ja · 2 = nej · 3 = avstår" in text  # the answers shown on screen
            table = app.screen.query_one("DataTable")
            assert table.cursor_row == 1
            pointed = [r for r in range(table.row_count) if str(table.get_cell_at((r, 0))) == "▶"]
            assert pointed == [1]  # the pointer column marks the row, not colour alone
            await pilot.press("1")
            second = app.meeting.seats[1].name
            assert app.state.paragraph(item.id).votes[0].votes == {second: "ja"}

    run(go())


def test_a_changed_answer_asks_first(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await start_vote(pilot)
            chair = app.meeting.seats[0].name
            await cast(pilot, "1")
            await pilot.press("k", "2")  # a slip on the chair's row: asked, not changed
            asked = f"{chair} har röstat ja"
            await until(pilot, lambda: asked in screen_text(app), "the slip's question drawn")
            assert app.state.paragraph(item.id).votes[0].votes[chair] == "ja"
            await pilot.press("2")  # the same key again: changed, and said so

            def changed() -> bool:
                vote = app.state.paragraph(item.id).votes[0].votes[chair]
                return vote == "nej" and any("ja → nej" in n.message for n in app._notifications)

            await until(pilot, changed, "the change recorded and said")

    run(go())


# --- 4 a refused act changes nothing -----------------------------------------------------


def test_a_refused_motion_neither_opens_the_meeting_nor_calls_the_item(
    example_folder, clock
) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            await pilot.press(*ROLL_CALL)
            before = types(example_folder)
            item = app.meeting.items[2]
            substitute = app.meeting.substitutes[0].name  # present? no: not serving
            made = await app.screen.acted(
                acts.motion, item.id, by=substitute, kind="bifall", text="", joined=(), at="19:00"
            )
            assert made is False
            assert types(example_folder) == before  # no meeting_opened, no item_called
            assert not app.state.opened_at
            assert item.id not in app.state.paragraphs

    run(go())


def test_every_act_needing_serving_members_asks_for_the_roll_call(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            for key in ("y", "i", "J", "r", "a"):
                await pilot.press(key)
                await pilot.pause()
                assert isinstance(app.screen, ConfirmModal), key
                assert "Ingen närvaro är registrerad" in screen_text(app)
                await pilot.press("escape")  # the attendance screen instead
                await pilot.pause()
                assert isinstance(app.screen, AttendanceScreen)
                await pilot.press("escape")
                await pilot.pause()
            assert types(example_folder) == []

    run(go())


# --- 3 b on a decided paragraph ----------------------------------------------------------


async def _edited_decision(pilot, app) -> str:
    """Roll call, § 120 decided with an edited text (e); the item id."""
    await pilot.press(*ROLL_CALL, "e")
    await pilot.pause()
    area = app.screen.query_one("TextArea")
    area.text = "Nämnden beslutar något annat."
    await pilot.press("ctrl+s")
    await pilot.pause()
    item = app.meeting.items[0]
    assert app.state.paragraph(item.id).decision == ["Nämnden beslutar något annat."]
    return item.id


def test_b_on_a_decided_paragraph_asks_before_replacing(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item_id = await _edited_decision(pilot, app)
            await pilot.press("b")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmModal)
            assert "Nämnden beslutar något annat." in screen_text(app)
            await pilot.press("j")  # a slip (j moves elsewhere): not a yes
            await pilot.press("escape")
            await pilot.pause()
            assert app.state.paragraph(item_id).decision == ["Nämnden beslutar något annat."]
            await pilot.press("b")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            proposed = list(app.meeting.items[0].proposed_decision)
            assert app.state.paragraph(item_id).decision == proposed

    run(go())


def test_b_on_a_justified_paragraph_is_a_correction_with_reason(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item_id = await _edited_decision(pilot, app)
            assert app.apply(*acts.close_meeting(app.meeting, app.state, "21:00"))
            assert app.apply(ev.ParagraphJustified(item=item_id))
            await pilot.press("b")
            await pilot.pause()
            assert "är justerad" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press(*"Fel text i beslutet", "enter")
            await pilot.pause()
            para = app.state.paragraph(item_id)
            assert para.decision == list(app.meeting.items[0].proposed_decision)
            assert para.corrections and para.corrections[-1].reason == "Fel text i beslutet"
            assert types(example_folder)[-1] == "correction_made"

    run(go())


# --- 2 correcting a ballot after the count, a motion's text after later acts -------------


def test_c_corrects_one_ballot_after_the_count_and_a_motions_text(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await start_vote(pilot)
            await cast(pilot, "11111122222")  # 6–5
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("b")  # decided after the vote
            await pilot.pause()
            para = app.state.paragraph(item.id)
            assert para.votes[0].closed and para.decision is not None
            await pilot.press("c")
            await pilot.pause()
            assert "Röst i votering 1 (ja 6, nej 5, avstår 0)" in screen_text(app)
            await pilot.press("enter")  # the round
            await pilot.pause()
            await pilot.press("j", "2")  # the second row: asked first
            assert app.state.paragraph(item.id).votes[0].tally() == (6, 5, 0)
            await pilot.press("2")
            await pilot.pause()
            vote = app.state.paragraph(item.id).votes[0]
            assert vote.closed and vote.tally() == (5, 6, 0)
            assert app.state.paragraph(item.id).decision is not None  # nothing undone
            assert types(example_folder)[-1] == "vote_corrected"
            assert any("kontrollera beslutet" in n.message for n in app._notifications)
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
            await pilot.press("down", "down", "enter")  # y2 (Almqvist's avslag)
            await pilot.pause()
            app.screen.query_one("Input").value = "Avslag, bidragen ska höjas"
            await pilot.press("enter")
            await pilot.pause()
            assert app.state.paragraph(item.id).motion("y2").text == "Avslag, bidragen ska höjas"
            assert types(example_folder)[-1] == "motion_amended"

    run(go())


# --- 8 find people the way they are typed ------------------------------------------------


async def _until(pilot, predicate) -> bool:
    """Pause until `predicate()` holds (bounded; a state to wait on, never a sleep)."""
    try:
        await until(pilot, predicate, "the state waited for")
    except AssertionError:
        return False
    return True


def test_member_filter_and_palette_fold_diacritics_and_case(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            await pilot.press(*ROLL_CALL, "y")
            await pilot.pause()
            await pilot.press(*"SJOBERG")
            await pilot.pause()
            text = screen_text(app)
            assert "Karin Sjöberg" in text and "Hallenberg" not in text
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"foreningsbidrag")
            assert await _until(pilot, lambda: "Fördelning av föreningsbidrag" in screen_text(app))

    run(go())


def test_find_fold_keeps_positions() -> None:
    from namndtui.model import Member
    from namndtui.tui.modals.forms import member_matches
    from namndtui.tui.text import find_fold

    assert find_fold("Åberg Östlund") == "aberg ostlund"
    assert member_matches(Member("Göran Östlund", "S", "ersättare"), "ostlund")
    assert member_matches(Member("Åsa Åberg", "M", "ledamot"), "ABERG")
    assert not member_matches(Member("Åsa Åberg", "M", "ledamot"), "ostlund")


# --- 7 type-ahead keeps the order of keys ------------------------------------------------


def test_a_name_typed_as_a_picker_opens_arrives_in_order(example_folder, clock) -> None:
    from namndtui.tui.modals.forms import MemberPickModal

    from .test_typeahead import burst, filter_typed

    async def go():
        async with live(example_folder, clock) as (app, pilot):
            await pilot.press(*ROLL_CALL)
            for _ in range(6):
                burst(app, "Jjonas")  # J opens the jäv picker; "jonas" typed at once

                def typed() -> str:
                    return filter_typed(app, MemberPickModal)

                assert await _until(pilot, lambda: len(typed()) == 5)
                assert typed() == "jonas"
                await pilot.press("escape")
                assert await _until(pilot, lambda: not isinstance(app.screen, MemberPickModal))

    run(go())


# --- 5 forms that cannot succeed do not open ---------------------------------------------


def test_forms_say_why_at_the_key_during_a_break_and_after_the_close(example_folder, clock) -> None:
    from namndtui.tui.screens.meeting import MeetingScreen

    async def go():
        async with live(example_folder, clock) as (app, pilot):
            await pilot.press(*ROLL_CALL, "m", "A")  # open, then adjourned
            await pilot.pause()
            assert app.state.breaks
            # each notice gives the time recorded, written as the minutes write it
            opened = f"Sammanträdet öppnat kl. {app.state.opened_at.replace(':', '.')}"
            await until(pilot, lambda: opened in [n.message for n in app._notifications], opened)
            for key in ("y", "J", "a", "s", "t"):
                app._notifications.clear()
                await pilot.press(key)
                await pilot.pause()
                assert isinstance(app.screen, MeetingScreen), key  # no form opened
                assert any("ajournerat" in n.message for n in app._notifications), key
            await pilot.press("A", "m")  # resumed; closed (asked)
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert app.state.closed_at
            for key in ("y", "a", "r"):
                app._notifications.clear()
                await pilot.press(key)
                await pilot.pause()
                assert isinstance(app.screen, MeetingScreen), key
                assert any("avslutat" in n.message for n in app._notifications), key

    run(go())


# --- 6 justerare must be present -----------------------------------------------------------


def test_an_absent_member_is_not_chosen_as_justerare(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            await pilot.press("n", "u")  # the chair, attendance not recorded
            await pilot.pause()
            assert app.state.adjusters == []
            assert any("inte närvarande" in n.message for n in app._notifications)
            await pilot.press("space", "u")  # present: chosen
            assert app.state.adjusters == [app.meeting.seats[0].name]

    run(go())


def test_keys_typed_fast_on_the_agenda_are_none_of_them_lost(example_folder, clock) -> None:
    """ "jjjb" at once: three moves, then the decision on the fourth item (the keys held
    while one settled were replayed from the screen and never reached its bindings)."""
    from .test_typeahead import burst

    async def go():
        async with live(example_folder, clock) as (app, pilot):
            await pilot.press(*ROLL_CALL)
            burst(app, "jjjb")
            fourth = app.meeting.items[3].id
            assert await _until(pilot, lambda: fourth in app.state.paragraphs)
            assert list(app.state.paragraphs) == [fourth]

    run(go())
