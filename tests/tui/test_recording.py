"""Pilot tests for every recording key and form, asserting on the record and the journal."""

from __future__ import annotations

from namndtui.meetingfile import load_meeting
from namndtui.record.record import Record
from namndtui.record.state import DECIDED, REFERRED_BACK, TABLED
from namndtui.tui import strings as S
from namndtui.tui.app import NamndApp

from .conftest import SEED_ID
from .helpers import journal_events, screen_text, until
from .live import SIZE, make_app, present_all, run, types

__all__ = ["SIZE", "make_app", "present_all", "run", "types"]  # as other tests import them


def test_b_decides_current_item_at_once(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await present_all(pilot)
            first = app.meeting.items[0]
            await pilot.press("b")
            para = app.state.paragraph(first.id)
            assert para.status == DECIDED
            assert para.number == 120
            assert para.decision == list(first.proposed_decision)
            # on disk before the screen shows it
            assert types(example_folder)[-3:] == ["item_called", "decision_recorded", "act_grouped"]
            assert "§ 120" in screen_text(app)
            assert "Sparat 19.00" in screen_text(app)
            await pilot.press("q")
        assert app.return_code == 0

    run(go())


def test_b_without_quorum_is_refused_with_reason(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            # attendance taken, but only 5 of 11 seats present: the record refuses
            await pilot.press("n", *(["space", "down"] * 5), "escape")
            assert "EJ BESLUTFÖR 5/11" in screen_text(app)
            await pilot.press("b")
            await pilot.pause()
            assert "decision_recorded" not in types(example_folder)
            assert any("beslutför" in n.message for n in app._notifications)
            assert app.screen.__class__.__name__ == "MeetingScreen"  # no roll-call question

    run(go())


def test_undo_redo_and_oj_toggle(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await present_all(pilot)
            await pilot.press("j", "j", "j")
            assert app.screen.current_item.id == SEED_ID
            await pilot.press("o")  # the seed proposes OJ: toggled off
            assert app.state.paragraph(SEED_ID).immediate_justification is False
            await pilot.press("o")
            assert app.state.paragraph(SEED_ID).immediate_justification is True
            await pilot.press("b")
            assert app.state.paragraph(SEED_ID).status == DECIDED
            await pilot.press("ctrl+z")
            assert app.state.paragraph(SEED_ID).decision is None
            assert any("Ångrade: beslut" in n.message for n in app._notifications)
            await pilot.press("ctrl+y")
            assert app.state.paragraph(SEED_ID).status == DECIDED
            assert types(example_folder)[-2:] == ["undone", "redone"]

    run(go())


def test_motion_vote_finding_and_reservation(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await present_all(pilot)
            await pilot.press("j", "j", "j", "j")  # föreningsbidrag
            item = app.screen.current_item
            # y: chair moves bifall
            await pilot.press("y")
            await pilot.press(*"Hallenberg", "enter", "enter")  # member, kind bifall
            await pilot.press(*"bifall till förslaget", "enter")
            # y: Per Almqvist (V) moves avslag, Fagerlund joins
            await pilot.press("y")
            await pilot.press(*"Almqvist", "enter", "down", "enter", "enter")
            para = app.state.paragraph(item.id)
            assert [(m.by, m.kind) for m in para.motions] == [
                ("Birgitta Hallenberg", "bifall"),
                ("Per Almqvist", "avslag"),
            ]
            # i: Ingrid Fagerlund joins y2
            await pilot.press("i")
            await pilot.pause()
            await pilot.press("down", "enter")  # motion y2
            await pilot.press(*"Fagerlund", "enter")
            assert app.state.paragraph(item.id).motion("y2").joined == ["Ingrid Fagerlund"]
            # v: the chair's finding first (y1, the suggested order's first), then the vote
            await pilot.press("v")
            await pilot.pause()
            assert "Proposition" in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert "Votering begärs av" in screen_text(app)
            await pilot.press(*"Almqvist", "enter")
            await pilot.pause()
            await pilot.press(*("1" * 6), *("2" * 5), "enter")
            await pilot.pause()
            para = app.state.paragraph(item.id)
            assert para.votes and para.votes[0].closed
            assert para.votes[0].tally() == (6, 5, 0)
            assert "Almqvist" in para.votes[0].demanded_by  # Votering begärs av …
            # decision as proposed
            await pilot.press("b")
            assert app.state.paragraph(item.id).status == DECIDED
            # r: only those who lost may reserve; pick the first offered
            await pilot.press("r")
            await pilot.pause()
            await pilot.press("enter", *"Vi vill behålla bidraget", "enter")
            await pilot.pause()
            reservations = app.state.paragraph(item.id).reservations
            assert len(reservations) == 1
            assert reservations[0].text == "Vi vill behålla bidraget"
            # a: protokollsanteckning
            await pilot.press("a", *"Anteckning [b]x[/b]", "enter")  # text, then who
            await pilot.press(*"Per Almqvist", "enter")
            note = app.state.paragraph(item.id).notes[0]
            assert (note.text, note.by) == ("Anteckning [b]x[/b]", "Per Almqvist")
            kinds = types(example_folder)
            for kind in ("motion_made", "motion_joined", "vote_demanded", "vote_cast",
                         "vote_closed", "decision_recorded", "reservation_made", "note_added"):  # fmt: skip
                assert kind in kinds

    run(go())


def test_withdraw_finding_edit_decision(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await present_all(pilot)
            await pilot.press("j", "j", "j", "j", "j")
            item = app.screen.current_item
            await pilot.press("y", *"Almqvist", "enter", "down", "enter", "enter")
            await pilot.press("y", *"Ekdahl", "enter", "enter", "enter")
            await pilot.press("w")
            await pilot.pause()
            await pilot.press("enter")  # withdraw y1
            assert app.state.paragraph(item.id).motion("y1").withdrawn
            await pilot.press("f")  # one proposal left: no proposition at all
            await until(
                pilot,
                lambda: S.NO_QUESTION in [n.message for n in app._notifications],
                "the notice that there is no question to put",
            )
            assert app.state.paragraph(item.id).finding == ""
            await pilot.press("e")
            await pilot.pause()
            area = app.screen.query_one("TextArea")
            area.move_cursor(area.document.end)
            await pilot.press(*" Ändrat.", "ctrl+s")
            await pilot.pause()
            decision = app.state.paragraph(item.id).decision
            assert decision and decision[-1].endswith("Ändrat.")

    run(go())


def test_table_refer_back_recusal_open_close(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await present_all(pilot)
            await pilot.press("m")  # open the meeting
            assert app.state.opened_at == "19:00"
            await pilot.press("j", "j", "j", "j", "j", "j")
            tabled = app.screen.current_item.id
            await pilot.press("t", "enter")
            assert app.state.paragraph(tabled).status == TABLED
            await pilot.press("j")
            referred = app.screen.current_item.id
            await pilot.press("s", *"Mer utredning", "enter")
            para = app.state.paragraph(referred)
            assert para.status == REFERRED_BACK and para.referral_reason == "Mer utredning"
            await pilot.press("j")
            recused_item = app.screen.current_item.id
            from namndtui.record.events import AttendanceSet

            app.apply(AttendanceSet(member="Eva Strandberg", present=True))
            await pilot.press("J", *"Tornberg", "enter", *"Strandberg", "enter")
            recusals = app.state.paragraph(recused_item).recusals
            assert recusals and recusals[0].member == "Magnus Tornberg"
            assert recusals[0].substitute == "Eva Strandberg"
            await pilot.press("m", "enter")  # close (confirm)
            assert app.state.closed_at

    run(go())


def test_attendance_screen_keys(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n")
            await pilot.press("space")  # chair present
            assert app.state.present["Birgitta Hallenberg"] is True
            await pilot.press("u")  # adjuster (present: an absent one is refused)
            assert app.state.adjusters == ["Birgitta Hallenberg"]
            await pilot.press("space")
            assert app.state.present["Birgitta Hallenberg"] is False
            await pilot.press("A")
            # substitute Eva Strandberg serves for the absent chair? pick the row
            names = [m.name for m in app.meeting.members]
            for _ in range(names.index("Eva Strandberg")):
                await pilot.press("down")
            await pilot.press("e", "enter")
            assert app.state.serving_for.get("Eva Strandberg") == "Birgitta Hallenberg"
            await pilot.press("t", *"2007-10-30", "enter", *"15:00", "enter", "enter")
            assert app.state.justering_date == "2007-10-30"
            assert app.state.justering_time == "15:00"
            await pilot.press("escape")
            assert app.screen.__class__.__name__ == "MeetingScreen"
            assert "Beslutför 11/11" in screen_text(app)

    run(go())


def test_readonly_when_lock_is_held_elsewhere(example_folder, clock) -> None:
    async def go():
        meeting = load_meeting(example_folder / "meeting.toml")
        holder = Record.open(meeting, example_folder, clock=clock)
        try:
            record = Record.open(meeting, example_folder, clock=clock)
            assert record.readonly
            app = NamndApp(meeting, record=record, folder=example_folder, clock=clock)
            async with app.run_test(size=SIZE) as pilot:
                assert "SKRIVSKYDDAT" in screen_text(app)
                await pilot.press("b")
                await until(
                    pilot,
                    lambda: any("Skrivskyddat" in n.message for n in app._notifications),
                    "the read-only notice",
                )
                assert journal_events(example_folder) == []
        finally:
            holder.close()

    run(go())


def test_palette_jumps_to_item_by_dnr(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"503-412")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen.current_item.id == SEED_ID

    run(go())


def test_palette_finds_a_pending_item_by_the_number_the_agenda_shows(example_folder, clock):
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"§ 123")  # the seed item, fourth on the agenda (from § 120)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen.current_item.id == SEED_ID

    run(go())


def test_adjournment_and_resumption(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("A")  # not open yet: said, nothing recorded
            await pilot.pause()
            assert app.state.breaks == []
            await pilot.press("m", "A")
            await pilot.pause()
            assert len(app.state.breaks) == 1 and not app.state.breaks[0][1]
            assert "AJOURNERAT" in screen_text(app).splitlines()[0]
            await pilot.press("A")
            await pilot.pause()
            assert app.state.breaks[0][1]  # resumed
            assert "AJOURNERAT" not in screen_text(app).splitlines()[0]
            assert types(example_folder)[-2:] == ["meeting_adjourned", "meeting_resumed"]
            from namndtui.tui.screens.help import help_lines

            listed = [text for _group, keys in help_lines() for _key, text in keys]
            assert any("Ajournera sammanträdet" in text for text in listed)

    run(go())


def test_closing_justifies_the_omedelbart_justerade_paragraphs(example_folder, clock) -> None:
    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("m")
            await present_all(pilot)
            await pilot.press("b", "j", "b", "j", "j", "b")  # §§ 120, 121, the seed (OJ)
            await pilot.pause()
            seed = app.state.paragraph(SEED_ID)
            assert seed.status == DECIDED and not seed.justified
            await pilot.press("m")
            await pilot.pause()
            assert "10 ärenden är inte behandlade." in screen_text(app)
            await pilot.press("enter")
            await pilot.pause()
            assert app.state.closed_at
            assert app.state.paragraph(SEED_ID).justified  # read out and approved
            first = app.meeting.items[0].id
            assert not app.state.paragraph(first).justified  # no OJ: at the justering
            assert types(example_folder)[-3:] == [
                "meeting_closed",
                "paragraph_justified",
                "act_grouped",  # one act: ctrl+z takes back both
            ]
            # A justified decision changes only as a rättelse, with its reason.
            await pilot.press("e")
            await pilot.pause()
            assert "Rättelse" in screen_text(app)
            await pilot.press("end", *" (rättat)", "ctrl+s")
            await pilot.pause()
            await pilot.press(*"Skrivfel i beslutet", "enter")
            await pilot.pause()
            seed = app.state.paragraph(SEED_ID)
            assert seed.decision[-1].endswith(" (rättat)")
            assert [c.reason for c in seed.corrections] == ["Skrivfel i beslutet"]
            assert types(example_folder)[-1] == "correction_made"
            # Before the justering the wording of a decision may be put right directly.
            await pilot.press("home")
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("end", *" Ändrat.", "ctrl+s")
            await pilot.pause()
            assert app.state.paragraph(first).decision[-1].endswith(" Ändrat.")
            assert types(example_folder)[-1] == "decision_recorded"

    run(go())


def test_ctrl_z_takes_back_the_whole_act(example_folder, clock) -> None:
    """m closing with a § of omedelbar justering, and A (all present): one act each."""

    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await present_all(pilot)
            await pilot.press("m")  # open the meeting
            await pilot.press("j", "j", "j", "b")  # the seed proposes OJ: decided
            await pilot.press("m", "enter")  # close (confirm): the § is justified
            assert app.state.closed_at and app.state.paragraph(SEED_ID).justified
            await pilot.press("ctrl+z")
            assert not app.state.closed_at and not app.state.paragraph(SEED_ID).justified
            assert any("Ångrade: sammanträdet" in n.message for n in app._notifications)
            await pilot.press("ctrl+y")
            assert app.state.closed_at and app.state.paragraph(SEED_ID).justified
            await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")  # close, b, open
            assert not app.state.opened_at and app.state.present
            await pilot.press("ctrl+z")  # A: every seat at once
            assert not app.state.present

    run(go())


def test_ctrl_z_does_not_take_back_the_justering(example_folder, clock) -> None:
    """Justered from the command line (export --justerat), then ctrl+z in the TUI."""
    from namndtui.record.events import MeetingClosed, MeetingOpened, MinutesJustified

    meeting = load_meeting(example_folder / "meeting.toml")
    with Record.open(meeting, example_folder, clock=clock) as record:
        for event in (MeetingOpened("19:00"), MeetingClosed("21:00")):
            record.apply(event)
        record.apply(MinutesJustified("2007-10-30", "2007-10-31"))

    async def go():
        app = make_app(example_folder, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert app.state.justered_on == "2007-10-30"
            assert any("ångras inte med ctrl+z" in n.message for n in app._notifications)
            assert types(example_folder)[-1] == "minutes_justified"

    run(go())
