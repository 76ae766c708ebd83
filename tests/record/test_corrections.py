"""Issue 14: correcting one ballot or a motion's text without undoing what came after,
and an act checked whole before any of it is written."""

from __future__ import annotations

import pytest

from namndtui.record import acts, correction_acts, vote_acts
from namndtui.record import events as ev
from namndtui.record.procedure import RuleError
from namndtui.record.record import Record, check_all

from .conftest import SEATS, SUBS
from .test_acts import AT, _two_motions, play, sitting


def counted(meeting, ja: int):
    """x1: y1 (bifall) against y2 (avslag), found for y1, a vote of ja-many ja, counted,
    the decision recorded after it."""
    state = _two_motions(meeting, ev.ChairFinding("x1", "y1"))
    play(meeting, state, vote_acts.next_vote_round(meeting, state, "x1", AT))
    for n, name in enumerate(SEATS):
        play(meeting, state, vote_acts.cast_vote("x1", 1, name, "ja" if n < ja else "nej"))
    play(meeting, state, vote_acts.close_vote(meeting, state, "x1", 1))
    play(meeting, state, [ev.DecisionRecorded("x1", ("Beslut 1",))])
    play(meeting, state, [ev.NoteAdded("x1", "Senare anteckning.")])
    return state


def test_a_ballot_is_corrected_after_the_count_without_undoing_later_acts(meeting):
    state = counted(meeting, ja=3)
    assert state.paragraph("x1").votes[0].winner == "proposal"
    events = correction_acts.correct_vote(meeting, state, "x1", 1, SEATS[2], "nej")
    assert events == [ev.VoteCorrected("x1", 1, SEATS[2], "nej")]
    play(meeting, state, events)
    para = state.paragraph("x1")
    assert para.votes[0].closed and para.votes[0].tally() == (2, 3, 0)
    assert para.votes[0].winner == "y2" and para.finding == "y2"
    assert para.notes[0].text == "Senare anteckning."  # what came after is kept
    assert ev.VoteCorrected("x1", 1, SEATS[2], "nej").describe() == "röst rättad"


def test_a_correction_to_a_tie_takes_the_chairs_vote_or_asks(meeting):
    state = counted(meeting, ja=2)  # 2–3; the chair (Anna Ek) voted ja
    events = correction_acts.correct_vote(meeting, state, "x1", 1, SEATS[3], "avstår")  # 2–2
    assert events[0].casting == "ja"
    with pytest.raises(RuleError):  # the chair voted ja: no nej casting vote
        play(meeting, state, [ev.VoteCorrected("x1", 1, SEATS[3], "avstår", casting="nej")])
    play(meeting, state, events)
    assert state.paragraph("x1").votes[0].winner == "proposal"


def test_a_tied_correction_names_its_casting_vote(meeting):
    """A journal line of another tool that makes a tie without the utslagsröst is refused:
    the fold stores the casting vote the line names, so accepting an empty one (because the
    chair voted) would leave a counted round without a winner."""
    state = counted(meeting, ja=2)  # 2–3; the chair voted ja
    with pytest.raises(RuleError, match="lika röstetal"):
        play(meeting, state, [ev.VoteCorrected("x1", 1, SEATS[3], "avstår")])
    assert state.paragraph("x1").votes[0].tally() == (2, 3, 0)


def test_a_ballot_in_an_open_round_or_unchanged_is_refused(meeting):
    state = counted(meeting, ja=3)
    with pytest.raises(RuleError, match="redan rösten"):
        play(meeting, state, correction_acts.correct_vote(meeting, state, "x1", 1, SEATS[0], "ja"))
    with pytest.raises(RuleError):
        correction_acts.correct_vote(meeting, state, "x1", 2, SEATS[0], "nej")


def test_a_motions_text_is_amended_after_later_acts(meeting):
    state = counted(meeting, ja=3)
    play(
        meeting,
        state,
        correction_acts.amend_motion(meeting, state, "x1", "y2", "Avslag, rätt text."),
    )
    assert state.paragraph("x1").motion("y2").text == "Avslag, rätt text."
    assert state.paragraph("x1").votes[0].closed  # nothing undone
    with pytest.raises(RuleError, match="redan den texten"):
        play(
            meeting,
            state,
            correction_acts.amend_motion(meeting, state, "x1", "y2", "Avslag, rätt text."),
        )


def test_after_the_close_and_on_a_justified_paragraph(meeting):
    state = counted(meeting, ja=3)
    play(meeting, state, [ev.MeetingOpened("19:00")])
    play(meeting, state, acts.close_meeting(meeting, state, "21:00"))
    play(meeting, state, correction_acts.correct_vote(meeting, state, "x1", 1, SEATS[4], "avstår"))
    play(meeting, state, [ev.ParagraphJustified("x1")])
    with pytest.raises(RuleError, match="skäl"):
        correction_acts.amend_motion(meeting, state, "x1", "y1", "Bifall.")
    events = correction_acts.amend_motion(
        meeting, state, "x1", "y1", "Bifall.", reason="Fel i texten"
    )
    assert isinstance(events[0], ev.CorrectionMade)
    play(meeting, state, events)
    para = state.paragraph("x1")
    assert para.motion("y1").text == "Bifall." and para.corrections[-1].description == (
        "yrkande ändrat"
    )


def test_a_refused_act_is_refused_whole(meeting, tmp_path, clock):
    """A motion by someone not serving: its implicit opening and call are not written."""
    record = Record.open(meeting, tmp_path, clock=clock)
    for event in sitting(meeting).log:
        record.apply(event[2])
    events = acts.motion(
        meeting, record.state, "x2", by=SUBS[0], kind="bifall", text="", joined=(), at=AT
    )
    assert [type(e) for e in events] == [ev.MeetingOpened, ev.ItemCalled, ev.MotionMade]
    with pytest.raises(RuleError, match="tjänstgör inte"):
        record.check_all(events)
    with pytest.raises(RuleError):
        check_all(meeting, record.state, events)
    assert not record.state.opened_at and "x2" not in record.state.paragraphs
    record.close()
