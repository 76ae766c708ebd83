"""The follow view's text without Textual (follow/view.py): the chair's running tally."""

from __future__ import annotations

from namndtui.follow.view import chair_view, room_view
from namndtui.record import events as ev
from namndtui.record.fold import fold_entries
from namndtui.record.journal import replay

from .conftest import SEATS, opening, record_all, vote_demanded, votes_and_decision


def views(meeting, folder):
    state = fold_entries(meeting, replay(folder / "journal.jsonl").entries)
    return chair_view(meeting, state), room_view(meeting, state)


def test_the_chair_tally_runs_and_ends_in_the_result(meeting, folder, writer) -> None:
    record_all(writer, opening() + vote_demanded())
    chair, room = views(meeting, folder)
    assert chair.vote is not None and chair.vote.open
    assert (chair.vote.tally, chair.vote.left, chair.vote.voters) == ((0, 0, 0), 5, 5)
    assert chair.vote.proposition.startswith("Ja-röst för bifall till förvaltningens förslag")
    assert chair.vote == room.vote  # the room's wording, the room's numbers

    record_all(writer, votes_and_decision()[:3])
    chair, _ = views(meeting, folder)
    assert (chair.vote.tally, chair.vote.left) == ((1, 2, 0), 2)
    assert chair.vote.result == ""

    record_all(writer, [ev.MemberLeft("Eva Holm", "budget", "18:40")])
    chair, _ = views(meeting, folder)  # who left cannot vote: one ballot fewer to wait for
    assert (chair.vote.left, chair.vote.voters) == (1, 4)

    record_all(writer, [ev.VoteCast("budget", 1, "Dan Berg", "avstår"), ev.VoteClosed("budget", 1)])
    chair, _ = views(meeting, folder)
    assert not chair.vote.open and chair.vote.tally == (1, 2, 1) and chair.vote.left == 0
    assert chair.vote.result.startswith("Med 1 ja-röst mot 2 nej-röster beslutar nämnden")


def test_the_chair_tally_of_a_secret_item_is_numbers_only(meeting, folder, writer) -> None:
    record_all(writer, opening())
    record_all(
        writer,
        [
            ev.ItemCalled("individ", "19:00"),
            ev.MotionMade("individ", "y1", "Anna Ek", "bifall"),
            ev.MotionMade("individ", "y2", "Bo Ås", "avslag", text="Anna Andersson har inkomst."),
            ev.QuestionDecided("individ", "main", "proposal"),
            ev.VoteDemanded("individ", 1, "proposal", "y2", demanded_by="Bo Ås", question="main"),
            ev.VoteCast("individ", 1, SEATS[0], "ja"),
        ],
    )
    chair, room = views(meeting, folder)
    assert room.vote is None  # the room sees no vote of it at all
    assert chair.vote is not None
    assert (chair.vote.tally, chair.vote.left, chair.vote.voters) == ((1, 0, 0), 4, 5)
    assert (chair.vote.question, chair.vote.proposition, chair.vote.result) == ("", "", "")


def test_the_chair_sees_who_is_jävig_on_the_current_item(meeting, folder, writer) -> None:
    # the chair must not call a jävig member to vote: the view says who left and who serves
    record_all(writer, opening() + [ev.AttendanceSet("Fia Nord", True)])
    record_all(
        writer,
        [ev.ItemCalled("budget", "18:31"), ev.Recused("budget", "Cia Lund", substitute="Fia Nord")],
    )
    chair, room = views(meeting, folder)
    assert chair.recused == (
        "Cia Lund (V) anmäler jäv och deltar inte i handläggningen av ärendet. "
        "I Cia Lunds (V) ställe tjänstgör Fia Nord (S).",
    )
    assert not any(line == "Cia Lund (V)" for line in chair.serving)
    record_all(writer, [ev.ItemCalled("info", "18:40")])
    chair, _ = views(meeting, folder)
    assert chair.recused == ()  # the jäv was for the budget only
