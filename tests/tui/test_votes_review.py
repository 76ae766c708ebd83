"""Votes through the modal (tie + casting vote; three proposals in two rounds), the
reservation refusal, and review mode on a protokoll.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from namndtui.commands.open_app import build_app
from namndtui.examples import BODY, example_archive
from namndtui.record.state import DECIDED
from namndtui.tui import strings as S
from namndtui.tui.modals.forms import ReservationModal

from .conftest import FixedClock
from .helpers import journal_events, screen_text, until
from .live import (
    FORENINGSBIDRAG,
    ROLL_CALL,
    cast,
    live,
    motions,
    roll_call_at,
    run,
    start_vote,
)

ROOT = Path(__file__).resolve().parents[2]
PROTOKOLL = example_archive() / BODY / "2007-09-25" / "protokoll.toml"


def test_tie_is_decided_by_the_chairs_casting_vote(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await start_vote(pilot)
            await cast(pilot, "31111122222")  # 5–5, the chair (first row) abstains
            await pilot.press("enter")
            await pilot.pause()
            assert "utslagsröst" in screen_text(app)  # the modal asks for the casting vote
            assert " avstår " in screen_text(app)  # the answer in full, not cut to "avst"
            vote = app.state.paragraph(item.id).votes[0]
            assert not vote.closed
            await pilot.press("2")  # the chair's casting vote: nej (y2, avslag)
            await pilot.pause()
            vote = app.state.paragraph(item.id).votes[0]
            assert vote.closed and vote.casting == "nej" and vote.tally() == (5, 5, 1)
            assert vote.winner == "y2"
            assert app.state.paragraph(item.id).finding == "y2"
            closed = [e for e in journal_events(example_folder) if e["type"] == "vote_closed"]
            assert closed[-1]["casting"] == "nej"

    run(go())


def test_a_tie_is_decided_by_the_chairs_own_vote(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await start_vote(pilot)
            await cast(pilot, "21111122223")  # 5–5, the chair voted nej
            await pilot.press("enter")
            await pilot.pause()
            vote = app.state.paragraph(item.id).votes[0]
            assert vote.closed and vote.casting == "nej" and vote.winner == "y2"
            messages = [n.message for n in app._notifications]
            assert any("ordförandens röst (nej) är utslagsröst" in m for m in messages)
            assert "alla frågor är prövade" in messages[-1]  # what comes next

    run(go())


def test_escape_before_any_vote_takes_the_demand_back(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await start_vote(pilot)
            await pilot.press("escape")
            await pilot.pause()
            para = app.state.paragraph(item.id)
            assert para.votes == [] and para.finding == "y1"  # the finding stays
            await pilot.press("f")  # the question is settled by the finding: nothing to put
            await until(
                pilot,
                lambda: S.NO_QUESTION in [n.message for n in app._notifications],
                "the notice that there is no question to put",
            )
            # The finding is put right by undoing it and putting the question again.
            await pilot.press("ctrl+z", "f", "down", "enter")  # not "a vote is going on"
            await pilot.pause()
            assert app.state.paragraph(item.id).finding == "y2"
            # With votes cast, escape leaves the round open for v to continue.
            await pilot.press("v", "enter")  # who demanded the vote: skipped
            await pilot.pause()
            await cast(pilot, "11")
            await pilot.press("escape")
            await pilot.pause()
            vote = app.state.paragraph(item.id).votes[0]
            assert not vote.closed and len(vote.votes) == 2
            said = [n.message for n in app._notifications]  # not "nästa fråga (f)" (qa)
            assert any("voteringen pågår fortfarande (v fortsätter den)" in m for m in said)

    run(go())


def test_a_continued_round_points_at_the_first_member_who_has_not_voted(
    example_folder, clock
) -> None:
    """qa4: v after escape (or after a restart) pointed at the top of the list again, so
    the next answer was taken as a change of the chair's vote, not the next member's."""

    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await start_vote(pilot)
            await cast(pilot, "11")
            await pilot.press("escape", "v")
            await pilot.pause()
            await cast(pilot, "2")
            await pilot.pause()
            votes = app.state.paragraph(item.id).votes[0].votes
            assert votes == {
                "Birgitta Hallenberg": "ja",
                "Lars-Erik Wahlström": "ja",
                "Johan Ekdahl": "nej",
            }
            assert "har röstat" not in screen_text(app)  # no question about a change

    run(go())


def test_at_80x24_a_serving_substitutes_long_row_keeps_every_answer_whole(
    example_folder, clock
) -> None:
    """qa4: "Margareta Ståhl (ers. för Ingrid Fagerlund)" made the table wider than the
    dialog at 80 columns, which cut the Röst column to "Rö", "ne", "av"."""
    roll_call = ("n", "A", "/", *"fagerlund", "enter", "space")
    roll_call += ("/", *"stahl", "enter", "space", "e", "enter", "escape")

    async def go():
        async with live(example_folder, clock, size=(80, 24)) as (app, pilot):
            await pilot.press(*roll_call, *(["j"] * FORENINGSBIDRAG))
            await motions(pilot, ("Hallenberg", 0), ("Almqvist", 1))
            await pilot.press("v", "enter", "enter")
            await pilot.pause()
            await cast(pilot, "11111222223")
            await pilot.pause()
            await pilot.pause()
            lines = screen_text(app).splitlines()
            (row,) = [line for line in lines if "Margareta Ståhl" in line]
            assert " C " in row and " avstår " in row, row
            assert " Röst " in screen_text(app)
            (row,) = [line for line in lines if "Leila Haddad" in line]
            assert " nej " in row, row

    run(go())


def test_three_proposals_counter_round_then_main_round(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await roll_call_at(pilot, FORENINGSBIDRAG)
            # y1 bifall (chair), y2 avslag, y3 eget förslag
            await motions(pilot, ("Hallenberg", 0), ("Almqvist", 1), ("Ekdahl", 6))
            await pilot.press("v", "enter", "enter")  # the finding (first suggested), the vote
            await pilot.pause()
            assert "Kontrapropositionsvotering" in screen_text(app)
            await cast(pilot, "11111122223")  # y2 against y3: 6–4
            await pilot.press("enter")
            await pilot.pause()
            para = app.state.paragraph(item.id)
            assert len(para.votes) == 2  # the main round follows at once
            counter, main = para.votes
            assert counter.counter and counter.closed
            assert (counter.yes, counter.no, counter.winner) == ("y2", "y3", "y2")
            assert "Huvudvotering" in screen_text(app) or not main.counter
            # the main vote: the item's proposal (which the bifall supports) against y2
            assert (main.yes, main.no) == ("proposal", "y2") and not main.closed
            await cast(pilot, "11111112222")  # y1 against y2: 7–4
            await pilot.press("enter")
            await pilot.pause()
            para = app.state.paragraph(item.id)
            main = para.votes[1]
            assert main.closed and main.tally() == (7, 4, 0) and main.winner == "proposal"
            assert para.finding == "y1"  # the bifall motion, as the rest of the record reads it
            kinds = [e["type"] for e in journal_events(example_folder)]
            assert kinds.count("vote_demanded") == 2 and kinds.count("vote_closed") == 2

    run(go())


def test_reservation_refused_for_a_member_on_the_winning_side(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await start_vote(pilot)
            await cast(pilot, "11111122222")
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("b")
            assert app.state.paragraph(item.id).status == DECIDED
            await pilot.press("r")
            await pilot.pause()
            modal = app.screen
            assert isinstance(modal, ReservationModal)
            offered = [
                modal.query_one("#members").get_option_at_index(n).id
                for n in range(modal.query_one("#members").option_count)
            ]
            voted_ja = [
                n for n, v in app.state.paragraph(item.id).votes[0].votes.items() if v == "ja"
            ]
            assert offered and not set(offered) & set(voted_ja)  # only the losing side
            refused = str(modal.query_one("#refused").render())
            assert f"{voted_ja[0]}" in refused and "röstade för det förslag som vann" in refused
            await pilot.press("escape")
            # the record refuses it too, with the reason as a notice
            from namndtui.record.events import ReservationMade

            assert not app.apply(ReservationMade(item=item.id, member=voted_ja[0]))
            await until(
                pilot,
                lambda: any("vann" in n.message for n in app._notifications),
                "the refusal notice naming the winning side",
            )
            assert app.state.paragraph(item.id).reservations == []

    run(go())


def test_the_written_reservation_may_come_after_the_close(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            item = await start_vote(pilot, open_meeting=True)
            await cast(pilot, "11111122222")
            await pilot.press("enter", "b", "r")
            await pilot.pause()
            await pilot.press("enter", "enter")  # the first on the losing side, no text yet
            await pilot.pause()
            who = app.state.paragraph(item.id).reservations[0].member
            await pilot.press("m", "enter")  # the meeting closes
            await pilot.pause()
            await pilot.press("r")
            await pilot.pause()
            modal = app.screen
            assert isinstance(modal, ReservationModal)
            listing = modal.query_one("#members")
            labels = [
                str(listing.get_option_at_index(n).prompt) for n in range(listing.option_count)
            ]
            assert labels == [f"{app.meeting.member(who).label}{S.RESERVATION_ADD_TEXT}"]
            await pilot.press("enter", "enter")  # no text: said in the form
            await pilot.pause()
            assert isinstance(app.screen, ReservationModal)
            await pilot.press(*"Vi reserverar oss skriftligt.", "enter")
            await pilot.pause()
            reservations = app.state.paragraph(item.id).reservations
            assert [(r.member, r.text) for r in reservations] == [
                (who, "Vi reserverar oss skriftligt.")
            ]

    run(go())


def test_nobody_may_reserve_against_a_decision_as_proposed(example_folder, clock) -> None:
    async def go():
        async with live(example_folder, clock) as (app, pilot):
            await pilot.press(*ROLL_CALL, "b", "r")
            await pilot.pause()
            assert app.screen.__class__.__name__ == "MeetingScreen"  # no empty form
            notice = app._notifications  # the reason, at once
            assert any(
                "Ingen kan reservera sig" in n.message and "KL 4 kap. 27 §" in n.message
                for n in notice
            )
            assert app.state.paragraph(app.meeting.items[0].id).reservations == []

    run(go())


def review_app():
    return build_app(PROTOKOLL, clock=FixedClock())


def test_review_mode_opens_protokoll_read_only_and_explains() -> None:
    before = PROTOKOLL.read_bytes()

    async def go():
        app = review_app()
        assert app.review and app.readonly and app.record is None
        async with app.run_test(size=(80, 24)) as pilot:
            assert "GRANSKNING" in screen_text(app)
            assert "Upprop saknas" not in screen_text(app)
            for key in ("b", "y", "v", "ctrl+o"):
                await pilot.press(key)
                await pilot.pause()
                assert app.screen.__class__.__name__ == "MeetingScreen"  # no form opens
            messages = [n.message for n in app._notifications]
            assert messages and all(
                m.startswith("Skrivskyddat: protokollet granskas") for m in messages
            )
            await pilot.press("p")  # the paragraph as it reads in the minutes
            await pilot.pause()
            assert "§" in screen_text(app)

    run(go())
    assert PROTOKOLL.read_bytes() == before
    assert not list(PROTOKOLL.parent.glob("*.jsonl"))


@pytest.mark.parametrize("size", [(80, 24)], ids=["80x24"])
def test_review_mode_snapshot(snap_compare, size) -> None:
    assert snap_compare(review_app(), terminal_size=size)
