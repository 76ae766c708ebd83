"""The fold: § numbers, attendance snapshots, votes, corrections, undo/redo."""

from __future__ import annotations

from namndtui.record import events as ev
from namndtui.record.fold import apply_event, fold, new_state
from namndtui.record.state import DECIDED, IN_PROGRESS, PENDING, REFERRED_BACK, TABLED

from .conftest import SEATS, decided_by_vote, make_meeting, roll_call


def test_paragraph_numbers_in_order_of_handling(meeting):
    state = fold(
        meeting, roll_call() + [ev.ItemCalled("x3"), ev.ItemCalled("x1"), ev.ItemCalled("x3")]
    )
    assert state.paragraphs["x3"].number == 120
    assert state.paragraphs["x1"].number == 121
    assert state.next_number == 122 and state.current_item == "x3"
    assert state.paragraph("x2").number is None and state.paragraph("x2").status == PENDING
    # the § a form names: its own once numbered, else the one it gets when handled now
    assert state.paragraph_number("x1") == 121 and state.paragraph_number("x2") == 122
    assert state.paragraph_number("x4") == 122  # every pending item: the next number


def test_numbers_start_at_one_without_first_paragraph():
    meeting = make_meeting(first_paragraph=None)
    assert fold(meeting, [ev.ItemCalled("x2")]).paragraphs["x2"].number == 1


def test_any_act_calls_the_item_implicitly(meeting):
    state = fold(meeting, roll_call() + [ev.NoteAdded("x2", "Anteckning")])
    assert state.paragraphs["x2"].number == 120
    assert state.paragraphs["x2"].status == IN_PROGRESS
    assert state.current_item == "x2"


def test_recusal_in_advance_does_not_call(meeting):
    state = fold(meeting, roll_call() + [ev.Recused("x4", "Bo Ås")])
    assert state.paragraphs["x4"].number is None
    state = fold(meeting, roll_call() + [ev.Recused("x4", "Bo Ås"), ev.ItemCalled("x4")])
    assert "Bo Ås" not in state.paragraphs["x4"].serving


def test_called_at_and_presenter_kept(meeting):
    state = fold(
        meeting, [ev.ItemCalled("x1", "19:05", "Kim Handläggare"), ev.ItemCalled("x1", "19:30")]
    )
    paragraph = state.paragraphs["x1"]
    assert (paragraph.called_at, paragraph.presenter) == ("19:05", "Kim Handläggare")


def test_serving_snapshot_follows_current_item_until_decided(meeting):
    events = roll_call(SEATS[:4] + ["Fia Nord"]) + [ev.ItemCalled("x1")]
    events += [ev.SubstituteServes("Fia Nord", "Eva Holm", "x1")]
    state = fold(meeting, events)
    assert state.paragraphs["x1"].serving == {
        "Anna Ek": "",
        "Bo Ås": "",
        "Cia Lund": "",
        "Dan Berg": "",
        "Fia Nord": "Eva Holm",
    }
    events += [ev.DecisionRecorded("x1", ("B",)), ev.MemberLeft("Anna Ek", "x2")]
    state = fold(meeting, events)
    assert "Anna Ek" in state.paragraphs["x1"].serving  # frozen once decided
    state = fold(meeting, events + [ev.ItemCalled("x2")])
    assert "Anna Ek" not in state.paragraphs["x2"].serving


def test_arriving_member_takes_the_seat_back(meeting):
    events = roll_call(SEATS[:4]) + [ev.SubstituteServes("Gus Syd", "Eva Holm")]
    state = fold(meeting, events + [ev.MemberArrived("Eva Holm", "x2", "19:40")])
    assert state.serving_for == {}
    assert [(c.member, c.kind, c.item) for c in state.changes] == [
        ("Gus Syd", "serves", ""),
        ("Eva Holm", "arrived", "x2"),
        ("Gus Syd", "stops", "x2"),
    ]


def test_leaving_substitute_stops_serving(meeting):
    events = roll_call(SEATS[:4]) + [ev.SubstituteServes("Gus Syd", "Eva Holm")]
    state = fold(meeting, events + [ev.MemberLeft("Gus Syd", "x3")])
    assert state.serving_for == {} and not state.present["Gus Syd"]
    state = fold(meeting, events + [ev.SubstituteStops("Gus Syd", "x3")])
    assert state.serving_for == {} and state.present["Gus Syd"]


def test_vote_result_sets_finding_and_decision(meeting):
    state = fold(meeting, roll_call() + decided_by_vote(ja=2))
    paragraph = state.paragraphs["x1"]
    assert paragraph.votes[0].tally() == (2, 3, 0)
    assert paragraph.finding == "y2" and paragraph.status == DECIDED
    assert paragraph.decision == ["Beslut x1"]


def test_tabled_and_referred_back(meeting):
    state = fold(
        meeting, roll_call() + [ev.ItemTabled("x1"), ev.ItemReferredBack("x2", "Utred mer")]
    )
    assert state.paragraphs["x1"].status == TABLED and state.paragraphs["x1"].number == 120
    assert state.paragraphs["x2"].status == REFERRED_BACK
    assert state.paragraphs["x2"].referral_reason == "Utred mer"
    assert state.paragraphs["x1"].decision is None


def test_reservation_text_arrives_later(meeting):
    events = roll_call() + decided_by_vote() + [ev.ReservationMade("x1", "Dan Berg")]
    events += [ev.ReservationMade("x1", "Dan Berg", "Skriftlig reservation")]
    (reservation,) = fold(meeting, events).paragraphs["x1"].reservations
    assert reservation.text == "Skriftlig reservation"


def test_meeting_level_events(meeting):
    events = [
        ev.OfficialPresent("Kim", "handläggare"),
        ev.OfficialPresent("Lo", "sekreterare"),
        ev.OfficialPresent("Kim", present=False),
        ev.AdjustersChosen(("Bo Ås",)),
        ev.JusteringPlanned("2007-10-30", "15:00", "Kansliet"),
        ev.ImmediateJustificationSet("x1", True),
    ]
    state = fold(meeting, events)
    assert state.officials == [("Lo", "sekreterare")]
    assert state.adjusters == ["Bo Ås"]
    assert (state.justering_date, state.justering_time, state.justering_place) == (
        "2007-10-30",
        "15:00",
        "Kansliet",
    )
    assert state.paragraphs["x1"].immediate_justification is True


def test_correction_applies_and_is_visible(meeting):
    events = roll_call() + decided_by_vote() + [ev.ParagraphJustified("x1")]
    change = ev.DecisionRecorded("x1", ("Rättat beslut",)).to_dict()
    state = new_state(meeting)
    for n, event in enumerate(events, 1):
        apply_event(meeting, state, event, n, "2007-10-23T19:10:00")
    apply_event(
        meeting, state, ev.CorrectionMade("x1", "Skrivfel", change), 99, "2007-10-25T10:12:30"
    )
    paragraph = state.paragraphs["x1"]
    assert paragraph.decision == ["Rättat beslut"] and paragraph.justified
    (correction,) = paragraph.corrections
    assert (correction.reason, correction.description, correction.time) == (
        "Skrivfel",
        "beslut",
        "2007-10-25 10:12",
    )


def test_minutes_justified_locks_every_handled_paragraph(meeting):
    state = fold(meeting, [ev.ItemCalled("x1"), ev.MinutesJustified("2007-10-30", "2007-10-31")])
    assert state.paragraphs["x1"].justified and state.justered_on == "2007-10-30"
    assert state.posted_on == "2007-10-31"


def test_undo_takes_back_exactly_that_act(meeting):
    base = roll_call() + [ev.ItemCalled("x1"), ev.MotionMade("x1", "y1", "Anna Ek", "bifall")]
    with_note = base + [ev.NoteAdded("x1", "A")]
    undone = with_note + [ev.Undone(len(with_note))]
    assert fold(meeting, undone) == fold(meeting, base)
    redone = undone + [ev.Redone(len(with_note))]
    assert fold(meeting, redone) == fold(meeting, with_note)


def test_undo_of_item_call_gives_back_the_number(meeting):
    events = [ev.ItemCalled("x1"), ev.Undone(1), ev.ItemCalled("x2")]
    state = fold(meeting, events)
    assert "x1" not in state.paragraphs and state.paragraphs["x2"].number == 120


def test_undo_stacks(meeting):
    events = [ev.ItemCalled("x1"), ev.ItemCalled("x2"), ev.Undone(2), ev.Undone(1)]
    state = fold(meeting, events)
    assert state.done == [] and state.redo_stack == [2, 1]
    state = fold(meeting, events + [ev.Redone(1)])
    assert state.done == [1] and state.redo_stack == [2]
    state = fold(meeting, events + [ev.Redone(1), ev.ItemCalled("x3")])
    assert state.redo_stack == [] and state.done == [1, 6]


def test_fold_is_total_on_nonsense(meeting):
    nonsense = [
        ev.VoteCast("x1", 3, "Anna Ek", "ja"),
        ev.VoteClosed("x1", 3),
        ev.MotionJoined("x1", "y9", "Bo Ås"),
        ev.MotionWithdrawn("x1", "y9"),
        ev.SubstituteStops("Fia Nord", "x1"),
        ev.MeetingResumed("19:00"),
        ev.Undone(99),
        ev.Redone(99),
        ev.CorrectionMade("x1", "r", {"type": "bogus"}),
        ev.CorrectionMade("x1", "r", ev.Undone(1).to_dict()),
    ]
    state = fold(meeting, nonsense)
    assert state.paragraphs["x1"].votes == []
